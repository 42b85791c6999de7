/**
 * The app's icons: lucide-react's, each drawn from an SVG element built once per icon, size and class.
 * Lucide's own components rebuild their attributes on every render (defaults, class merging, aliases),
 * about 4% of a catalogue page's server render for its thirty-odd icons. These render the same markup
 * (tests/unit/icons.test.ts compares every icon here with lucide's), so pages hydrate against either.
 *
 * Import icons from here, not from lucide-react (lint enforces it); add a new one to the list below.
 */
import { createElement, type ReactElement } from "react";
import {
  AlertTriangle as LucideAlertTriangle,
  ArrowLeft as LucideArrowLeft,
  ArrowRight as LucideArrowRight,
  Award as LucideAward,
  BadgeCheck as LucideBadgeCheck,
  Bell as LucideBell,
  BookOpen as LucideBookOpen,
  Bookmark as LucideBookmark,
  Bot as LucideBot,
  Briefcase as LucideBriefcase,
  Building2 as LucideBuilding2,
  CalendarCheck as LucideCalendarCheck,
  CalendarClock as LucideCalendarClock,
  ChartColumn as LucideChartColumn,
  Check as LucideCheck,
  CheckCircle2 as LucideCheckCircle2,
  ChevronLeft as LucideChevronLeft,
  ChevronRight as LucideChevronRight,
  CircleAlert as LucideCircleAlert,
  CircleCheck as LucideCircleCheck,
  ClipboardList as LucideClipboardList,
  Clock as LucideClock,
  Database as LucideDatabase,
  ExternalLink as LucideExternalLink,
  Eye as LucideEye,
  EyeOff as LucideEyeOff,
  FileJson as LucideFileJson,
  FileSpreadsheet as LucideFileSpreadsheet,
  FileUp as LucideFileUp,
  Flag as LucideFlag,
  Gauge as LucideGauge,
  Globe as LucideGlobe,
  History as LucideHistory,
  Hourglass as LucideHourglass,
  Inbox as LucideInbox,
  Info as LucideInfo,
  Landmark as LucideLandmark,
  Loader2 as LucideLoader2,
  Mail as LucideMail,
  MapPin as LucideMapPin,
  Menu as LucideMenu,
  MessageCircle as LucideMessageCircle,
  MessageCircleQuestion as LucideMessageCircleQuestion,
  MessageCircleQuestionMark as LucideMessageCircleQuestionMark,
  Package as LucidePackage,
  Pencil as LucidePencil,
  Plus as LucidePlus,
  Rocket as LucideRocket,
  RotateCcw as LucideRotateCcw,
  Search as LucideSearch,
  SearchX as LucideSearchX,
  Send as LucideSend,
  SendHorizontal as LucideSendHorizontal,
  ShieldAlert as LucideShieldAlert,
  ShieldCheck as LucideShieldCheck,
  SlidersHorizontal as LucideSlidersHorizontal,
  Sparkles as LucideSparkles,
  Star as LucideStar,
  ThumbsDown as LucideThumbsDown,
  ThumbsUp as LucideThumbsUp,
  Trash2 as LucideTrash2,
  Wallet as LucideWallet,
  X as LucideX,
  type LucideIcon,
} from "lucide-react";

/** The props the app gives icons; anything else (colour, stroke width) would need lucide's own component. */
export interface IconProps {
  size?: number;
  className?: string;
  "aria-hidden"?: "true" | true;
}

interface IconData {
  name?: string;
  size?: number;
  node: [tag: string, attributes: Record<string, string>][];
  aliases?: string[];
}

/** The icon's drawing, from the element lucide's component passes to its inner Icon (props.icon). */
function iconData(icon: LucideIcon): IconData | undefined {
  const render = (icon as unknown as { render?: (props: object, ref: null) => { props?: { icon?: IconData } } }).render;
  const data = typeof render === "function" ? render({}, null)?.props?.icon : undefined;
  return data && Array.isArray(data.node) ? data : undefined;
}

/** Space-separated class tokens, each once, in order of first appearance (as lucide merges them). */
function mergeClasses(...lists: string[]): string {
  const tokens = new Set<string>();
  for (const list of lists) for (const token of list.split(/\s+/)) if (token) tokens.add(token);
  return [...tokens].join(" ");
}

export function staticIcon(icon: LucideIcon): (props: IconProps) => ReactElement {
  const data = iconData(icon);
  // A lucide release that hides its drawing differently: fall back to its component.
  if (!data) return (props) => createElement(icon, props);
  const box = data.size ?? 24;
  const iconClasses = ["lucide", ...[data.name, ...(data.aliases ?? [])].filter((name) => name && name.trim()).map((name) => `lucide-${name}`)];
  const children = data.node.map(([tag, attributes]) => createElement(tag, attributes));
  const elements = new Map<string, ReactElement>();
  const Icon = ({ size = 24, className = "", "aria-hidden": ariaHidden = "true" }: IconProps) => {
    const key = `${size} ${className}`;
    let element = elements.get(key);
    if (!element) {
      element = createElement(
        "svg",
        {
          xmlns: "http://www.w3.org/2000/svg",
          width: size,
          height: size,
          viewBox: `0 0 ${box} ${box}`,
          fill: "none",
          stroke: "currentColor",
          strokeWidth: 2,
          strokeLinecap: "round",
          strokeLinejoin: "round",
          className: mergeClasses(...iconClasses, className),
          "aria-hidden": String(ariaHidden) as "true",
        },
        ...children,
      );
      elements.set(key, element);
    }
    return element;
  };
  Icon.displayName = icon.displayName;
  return Icon;
}

export const AlertTriangle = /* @__PURE__ */ staticIcon(LucideAlertTriangle);
export const ArrowLeft = /* @__PURE__ */ staticIcon(LucideArrowLeft);
export const ArrowRight = /* @__PURE__ */ staticIcon(LucideArrowRight);
export const Award = /* @__PURE__ */ staticIcon(LucideAward);
export const BadgeCheck = /* @__PURE__ */ staticIcon(LucideBadgeCheck);
export const Bell = /* @__PURE__ */ staticIcon(LucideBell);
export const BookOpen = /* @__PURE__ */ staticIcon(LucideBookOpen);
export const Bookmark = /* @__PURE__ */ staticIcon(LucideBookmark);
export const Bot = /* @__PURE__ */ staticIcon(LucideBot);
export const Briefcase = /* @__PURE__ */ staticIcon(LucideBriefcase);
export const Building2 = /* @__PURE__ */ staticIcon(LucideBuilding2);
export const CalendarCheck = /* @__PURE__ */ staticIcon(LucideCalendarCheck);
export const CalendarClock = /* @__PURE__ */ staticIcon(LucideCalendarClock);
export const ChartColumn = /* @__PURE__ */ staticIcon(LucideChartColumn);
export const Check = /* @__PURE__ */ staticIcon(LucideCheck);
export const CheckCircle2 = /* @__PURE__ */ staticIcon(LucideCheckCircle2);
export const ChevronLeft = /* @__PURE__ */ staticIcon(LucideChevronLeft);
export const ChevronRight = /* @__PURE__ */ staticIcon(LucideChevronRight);
export const CircleAlert = /* @__PURE__ */ staticIcon(LucideCircleAlert);
export const CircleCheck = /* @__PURE__ */ staticIcon(LucideCircleCheck);
export const ClipboardList = /* @__PURE__ */ staticIcon(LucideClipboardList);
export const Clock = /* @__PURE__ */ staticIcon(LucideClock);
export const Database = /* @__PURE__ */ staticIcon(LucideDatabase);
export const ExternalLink = /* @__PURE__ */ staticIcon(LucideExternalLink);
export const Eye = /* @__PURE__ */ staticIcon(LucideEye);
export const EyeOff = /* @__PURE__ */ staticIcon(LucideEyeOff);
export const FileJson = /* @__PURE__ */ staticIcon(LucideFileJson);
export const FileSpreadsheet = /* @__PURE__ */ staticIcon(LucideFileSpreadsheet);
export const FileUp = /* @__PURE__ */ staticIcon(LucideFileUp);
export const Flag = /* @__PURE__ */ staticIcon(LucideFlag);
export const Gauge = /* @__PURE__ */ staticIcon(LucideGauge);
export const Globe = /* @__PURE__ */ staticIcon(LucideGlobe);
export const History = /* @__PURE__ */ staticIcon(LucideHistory);
export const Hourglass = /* @__PURE__ */ staticIcon(LucideHourglass);
export const Inbox = /* @__PURE__ */ staticIcon(LucideInbox);
export const Info = /* @__PURE__ */ staticIcon(LucideInfo);
export const Landmark = /* @__PURE__ */ staticIcon(LucideLandmark);
export const Loader2 = /* @__PURE__ */ staticIcon(LucideLoader2);
export const Mail = /* @__PURE__ */ staticIcon(LucideMail);
export const MapPin = /* @__PURE__ */ staticIcon(LucideMapPin);
export const Menu = /* @__PURE__ */ staticIcon(LucideMenu);
export const MessageCircle = /* @__PURE__ */ staticIcon(LucideMessageCircle);
export const MessageCircleQuestion = /* @__PURE__ */ staticIcon(LucideMessageCircleQuestion);
export const MessageCircleQuestionMark = /* @__PURE__ */ staticIcon(LucideMessageCircleQuestionMark);
export const Package = /* @__PURE__ */ staticIcon(LucidePackage);
export const Pencil = /* @__PURE__ */ staticIcon(LucidePencil);
export const Plus = /* @__PURE__ */ staticIcon(LucidePlus);
export const Rocket = /* @__PURE__ */ staticIcon(LucideRocket);
export const RotateCcw = /* @__PURE__ */ staticIcon(LucideRotateCcw);
export const Search = /* @__PURE__ */ staticIcon(LucideSearch);
export const SearchX = /* @__PURE__ */ staticIcon(LucideSearchX);
export const Send = /* @__PURE__ */ staticIcon(LucideSend);
export const SendHorizontal = /* @__PURE__ */ staticIcon(LucideSendHorizontal);
export const ShieldAlert = /* @__PURE__ */ staticIcon(LucideShieldAlert);
export const ShieldCheck = /* @__PURE__ */ staticIcon(LucideShieldCheck);
export const SlidersHorizontal = /* @__PURE__ */ staticIcon(LucideSlidersHorizontal);
export const Sparkles = /* @__PURE__ */ staticIcon(LucideSparkles);
export const Star = /* @__PURE__ */ staticIcon(LucideStar);
export const ThumbsDown = /* @__PURE__ */ staticIcon(LucideThumbsDown);
export const ThumbsUp = /* @__PURE__ */ staticIcon(LucideThumbsUp);
export const Trash2 = /* @__PURE__ */ staticIcon(LucideTrash2);
export const Wallet = /* @__PURE__ */ staticIcon(LucideWallet);
export const X = /* @__PURE__ */ staticIcon(LucideX);
