/**
 * The one typed description of Aqyl's database. Column names are snake_case in SQL and in TypeScript
 * (no name-mapping plugin), timestamps are epoch milliseconds, booleans are 0/1 integers and
 * structured values (localised text, lists) are JSON text, so the same queries run on SQLite and
 * PostgreSQL.
 */
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";

/** Epoch milliseconds. PostgreSQL returns BIGINT as string unless parsed; db/connection.ts parses it. */
type Millis = number;
/** JSON-encoded text. */
type Json = string;
type Bool = number;

export type Role = "startup" | "investor" | "agency" | "admin";

export interface UsersTable {
  id: string;
  email: string;
  password_hash: string;
  name: string;
  role: Role;
  locale: string;
  verified: Bool;
  agency_id: string | null;
  created_at: Millis;
  updated_at: Millis;
  last_login_at: Millis | null;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  data: Json;
  created_at: Millis;
  expires_at: Millis;
}

export interface LoginAttemptsTable {
  key: string;
  failures: number;
  window_started_at: Millis;
  locked_until: Millis | null;
}

export interface RateLimitsTable {
  key: string;
  tokens: number;
  updated_at: Millis;
}

export interface AgenciesTable {
  id: string;
  slug: string;
  name: Json;
  description: Json;
  website: string | null;
  city: string | null;
  created_at: Millis;
  updated_at: Millis;
}

export interface StartupsTable {
  id: string;
  slug: string;
  owner_id: string | null;
  name: string;
  tagline: Json;
  description: Json;
  sectors: Json;
  technologies: Json;
  stage: string;
  trl: number;
  city: string;
  team_size: number;
  founded_year: number;
  website: string | null;
  traction_users: number | null;
  traction_revenue_kzt: number | null;
  traction_pilots: number;
  traction_note: Json;
  ask_amount: number | null;
  ask_currency: string | null;
  tech_park_resident: Bool;
  published: Bool;
  search_text: string;
  created_at: Millis;
  updated_at: Millis;
}

export interface StartupSectorsTable {
  startup_id: string;
  sector: string;
}

export interface ProductsTable {
  id: string;
  startup_id: string;
  name: string;
  description: Json;
  pricing_model: string;
  customers: Json;
  demo_url: string | null;
  position: number;
  created_at: Millis;
  updated_at: Millis;
}

export interface InvestorsTable {
  id: string;
  slug: string;
  owner_id: string | null;
  name: string;
  kind: string;
  description: Json;
  city: string | null;
  thesis_sectors: Json;
  thesis_stages: Json;
  ticket_min: number;
  ticket_max: number;
  currency: string;
  geography: Json;
  thesis_text: Json;
  created_at: Millis;
  updated_at: Millis;
}

export type ChallengeStatus = "draft" | "open" | "reviewing" | "piloting" | "completed" | "cancelled";

export interface ChallengesTable {
  id: string;
  slug: string;
  agency_id: string;
  created_by: string | null;
  title: Json;
  problem: Json;
  sector: string;
  technologies: Json;
  data_available: Json;
  budget_amount: number;
  budget_currency: string;
  pilot_months: number;
  min_trl: number;
  deadline_at: Millis;
  status: ChallengeStatus;
  criteria: Json;
  kpis: Json;
  outcome: Json | null;
  created_at: Millis;
  updated_at: Millis;
}

export type ApplicationStatus = "submitted" | "withdrawn" | "shortlisted" | "rejected" | "selected";

export interface ApplicationsTable {
  id: string;
  challenge_id: string;
  startup_id: string;
  submitted_by: string | null;
  proposal: string;
  requested_budget: number;
  timeline_months: number;
  team: string;
  status: ApplicationStatus;
  reject_reason: string | null;
  total_score: number | null;
  created_at: Millis;
  updated_at: Millis;
}

export interface ApplicationScoresTable {
  id: string;
  application_id: string;
  reviewer_id: string;
  criterion: number;
  score: number;
  comment: string;
  created_at: Millis;
}

export type IntroStatus = "pending" | "accepted" | "declined";
/** Who asked: an investor requesting an intro, or a startup pitching an investor. */
export type IntroInitiator = "investor" | "startup";

export interface IntroRequestsTable {
  id: string;
  investor_id: string;
  startup_id: string;
  /** Rows from before startups could pitch are "investor" (the column's default). */
  initiated_by: IntroInitiator;
  message: string;
  status: IntroStatus;
  /** Free text a startup gives when declining an investor's request. */
  decline_reason: string | null;
  /** Reason code (PASS_REASONS) an investor gives when declining a pitch. */
  decline_code: string | null;
  created_at: Millis;
  responded_at: Millis | null;
}

export type PipelineStage = "saved" | "intro-requested" | "in-talks" | "passed" | "invested";

export interface PipelineEntriesTable {
  id: string;
  investor_id: string;
  startup_id: string;
  stage: PipelineStage;
  pass_reason: string | null;
  note: string | null;
  created_at: Millis;
  updated_at: Millis;
}

export interface NotificationsTable {
  id: string;
  user_id: string;
  kind: string;
  payload: Json;
  link: string | null;
  read_at: Millis | null;
  created_at: Millis;
}

export interface ServiceDocumentsTable {
  /** `${service_id}:${lang}` */
  id: string;
  service_id: string;
  lang: string;
  title: string;
  agency: string;
  category: string;
  source_url: string;
  last_checked: string;
  keywords: Json;
  unverified: Json;
  body: string;
  content_hash: string;
  status: "published" | "unpublished";
  version: number;
  updated_by: string | null;
  /** The agency whose users may edit this document (besides administrators); null: administrators only. */
  owner_agency_id: string | null;
  created_at: Millis;
  updated_at: Millis;
}

export interface ServiceDocumentVersionsTable {
  id: string;
  document_id: string;
  version: number;
  body: string;
  content_hash: string;
  author_id: string | null;
  note: string | null;
  created_at: Millis;
}

export interface ChunksTable {
  /** The chunk's label in the hnswlib index. */
  label: number;
  document_id: string;
  service_id: string;
  lang: string;
  section: string;
  heading: string;
  line_start: number;
  line_end: number;
  text: string;
  content_hash: string;
  embedding: Buffer;
  created_at: Millis;
}

export interface IndexStateTable {
  key: string;
  value: string;
  updated_at: Millis;
}

export interface ConversationsTable {
  id: string;
  service_id: string | null;
  lang: string | null;
  channel: string;
  created_at: Millis;
  updated_at: Millis;
}

export type ChatKind = "answer" | "clarify" | "out_of_scope";

export interface ChatLogsTable {
  id: string;
  conversation_id: string | null;
  channel: string;
  lang: string;
  kind: ChatKind;
  question: string;
  answer: string;
  service_ids: Json;
  top_service_id: string | null;
  confidence: number;
  latency_ms: number;
  created_at: Millis;
}

export interface ChatFeedbackTable {
  id: string;
  chat_log_id: string;
  rating: number;
  comment: string | null;
  outdated: Bool;
  service_id: string | null;
  status: "open" | "fixed" | "dismissed";
  created_at: Millis;
  resolved_at: Millis | null;
  resolved_by: string | null;
}

export interface MessengerEventsTable {
  message_id: string;
  chat_id: string;
  conversation_id: string;
  reply: Json;
  created_at: Millis;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  login_attempts: LoginAttemptsTable;
  rate_limits: RateLimitsTable;
  agencies: AgenciesTable;
  startups: StartupsTable;
  startup_sectors: StartupSectorsTable;
  products: ProductsTable;
  investors: InvestorsTable;
  challenges: ChallengesTable;
  applications: ApplicationsTable;
  application_scores: ApplicationScoresTable;
  intro_requests: IntroRequestsTable;
  pipeline_entries: PipelineEntriesTable;
  notifications: NotificationsTable;
  service_documents: ServiceDocumentsTable;
  service_document_versions: ServiceDocumentVersionsTable;
  chunks: ChunksTable;
  index_state: IndexStateTable;
  conversations: ConversationsTable;
  chat_logs: ChatLogsTable;
  chat_feedback: ChatFeedbackTable;
  messenger_events: MessengerEventsTable;
}

export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type Startup = Selectable<StartupsTable>;
export type NewStartup = Insertable<StartupsTable>;
export type StartupUpdate = Updateable<StartupsTable>;
export type Product = Selectable<ProductsTable>;
export type Investor = Selectable<InvestorsTable>;
export type Agency = Selectable<AgenciesTable>;
export type Challenge = Selectable<ChallengesTable>;
export type Application = Selectable<ApplicationsTable>;
export type IntroRequest = Selectable<IntroRequestsTable>;
export type PipelineEntry = Selectable<PipelineEntriesTable>;
export type Notification = Selectable<NotificationsTable>;
export type ServiceDocument = Selectable<ServiceDocumentsTable>;
export type Chunk = Selectable<ChunksTable>;
export type ChatLog = Selectable<ChatLogsTable>;
export type Session = Selectable<SessionsTable>;

// Generated/ColumnType are re-exported for migrations-free callers that build row types.
export type { ColumnType, Generated };
