export const assistant = {
  title: "Public-service assistant",
  metaDescription:
    "Ask about Kazakhstan's public services in Kazakh, Russian or English and get an answer with links to the official rules.",
  intro:
    "Ask about any public service in your own words, in Kazakh, Russian or English. Every answer links to the rule it comes from.",
  conversation: "Conversation",
  startOver: "Start over",
  status: {
    answering: "The assistant is answering…",
    answered: "Answer:",
    startedOver: "New conversation started.",
  },
  errors: {
    empty: "Type a question first.",
    rateLimited: "You have asked a lot of questions in a short time. Please wait {{seconds}} s and try again.",
    invalid: "This question could not be sent. Please shorten it and try again.",
    failed: "The answer could not be completed. Please try again.",
    network: "No connection to the server. Check your internet and try again.",
  },
  turn: {
    you: "You",
    assistant: "Assistant",
    retry: "Try again",
    pickService: "Choose the service you mean",
  },
  sources: {
    title: "Where this comes from",
    candidates: "Services that may match",
    related: "Related services",
    sectionsOf: "Sections of “{{title}}”",
    checkedOn: "Checked on {{date}}",
    unverified: "Not yet confirmed:",
  },
  feedback: {
    question: "Was this answer helpful?",
    up: "Helpful",
    down: "Not helpful",
    outdated: "This is outdated",
    addComment: "Add a comment (optional)",
    commentLabel: "Your comment",
    commentHint: "Then choose one of the buttons above. Please do not include personal data.",
    thanks: "Thank you for your feedback.",
    thanksOutdated: "Thank you. We have passed the report to the team that maintains this rule.",
    notFound: "Your feedback could not be saved for this answer. Please ask again and rate the new answer.",
  },
  starters: {
    title: "Try asking",
    questions: {
      eds: "How do I get an electronic digital signature (EDS)?",
      passport: "How much does a passport cost?",
      soleProprietor: "How do I register as a sole proprietor?",
      kindergarten: "How do I get my child a place in a kindergarten?",
      pension: "What documents do I need for an age pension?",
      fines: "How do I pay a traffic fine?",
    },
  },
  composer: {
    label: "Your question",
    placeholder: "For example: how do I renew my ID card?",
    send: "Ask",
    sending: "Answering…",
    privacy:
      "Do not type your IIN, phone, e-mail or card number: the assistant does not need them, and they are removed before anything is stored.",
  },
  aside: {
    servicesTitle: "The rules themselves",
    servicesText: "Answers are built from the public-service rules published on this site. You can read them in full.",
    servicesLink: "Browse public services",
    privacyTitle: "Your privacy",
    privacyText:
      "You do not need an account. Questions are kept without personal data for a limited time to improve the answers. The assistant gives information, not legal advice: check the official source before you act. The conversation itself stays in this browser tab until you close it or start over.",
  },
};
