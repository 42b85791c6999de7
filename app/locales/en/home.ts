export const home = {
  metaTitle: "Aqyl — Kazakhstan's AI ecosystem and public-service assistant",
  metaDescription: "AI startups, investors and government pilot challenges in Kazakhstan, and an assistant that answers questions about public services.",
  hero: {
    title: "AI for Kazakhstan's digital state",
    lead: "Aqyl is where Kazakhstan's AI startups show their products, investors find them and government agencies run pilot challenges in the open. Citizens can ask our assistant about any public service and get an answer with a link to the official rule.",
    ask: "Ask about a public service",
    browse: "Browse AI startups",
  },
  demo: {
    title: "Demo data",
    text: "The startups, investors and challenges on this site are fictional examples that show how Aqyl works.",
  },
  stats: {
    title: "Aqyl today",
    startups: "AI startups",
    investors: "Investors",
    agencies: "Government agencies",
    openChallenges: "Open challenges",
    applications: "Applications to challenges",
    pilotsCompleted: "Pilots completed",
  },
  mission: {
    title: "Why Aqyl, why now",
    text: "2026 is Kazakhstan's Year of Digitalization and Artificial Intelligence. The new law on AI and the goal of a fully digital state within five years call for AI in public services and real support for domestic AI companies.",
    text2: "Aqyl brings together the people who build AI, fund it and use it, and makes every step visible: what agencies need, how applications are judged and what each pilot achieved.",
  },
  roles: {
    title: "Start here",
    citizen: {
      title: "Citizens",
      text: "Ask about passports, benefits, taxes or registering a business, in Kazakh, Russian or English. No account needed.",
      primary: "Ask the assistant",
    },
    startup: {
      title: "AI startups",
      text: "Show your product, its readiness and traction, and apply to pilot challenges posted by government agencies.",
      primary: "Create a startup profile",
      secondary: "See open challenges",
    },
    investor: {
      title: "Investors",
      text: "Describe your thesis and get startups ranked for it, with the reasons for each match.",
      primary: "Join as an investor",
      secondary: "See who invests",
    },
    agency: {
      title: "Government agencies",
      text: "Post a real problem with a budget and criteria, compare applications and publish the pilot's results.",
      primary: "Register your agency",
      secondary: "See how challenges work",
    },
  },
  challenges: {
    title: "Open pilot challenges",
    all: "All challenges",
    empty: "No challenges are open right now. New ones appear here as soon as agencies publish them.",
  },
  startups: {
    title: "Recently updated startups",
    all: "All startups",
  },
};
