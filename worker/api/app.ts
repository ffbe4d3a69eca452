import { HTTPException } from "hono/http-exception";
import { AppError, errorBody } from "../domain/errors";
import { isDatabaseUnavailable, retryAfterHeaders, UNAVAILABLE_MESSAGE } from "../domain/ops/unavailable";
import { domainContextFromEnv } from "../platform/domain-context";
import { createRouter } from "./context";
import { apiDocsPolicy } from "../security-headers";
import { renderApiDocsPage } from "./docs-page";
import { buildApiDocument } from "./openapi-document";
import { authRoutes } from "./auth";
import { oauthRoutes } from "./oauth";
import { healthRoutes } from "./health";
import { passkeyRoutes } from "./passkeys";
import { securityRoutes } from "./security";
import { conversationRoutes } from "./conversations";
import { presenceRoutes } from "./presence";
import { roomRoutes } from "./rooms";
import { callRoutes, conversationCallRoutes } from "./calls";
import { taxonomyRoutes } from "./taxonomy";
import { projectRoutes } from "./projects";
import { proposalRoutes } from "./proposals";
import { notificationRoutes } from "./notifications";
import { profileRoutes } from "./profiles";
import { fileRoutes } from "./files";
import { profilePhotoRoutes } from "./profile-photo";
import { favoriteRoutes } from "./favorites";
import { dashboardRoutes } from "./dashboards";
import { contractRoutes } from "./contracts";
import { milestoneRoutes } from "./milestones";
import { walletRoutes } from "./wallet";
import { payoutRoutes } from "./payouts";
import { aiRoutes } from "./ai";
import { stripeRoutes } from "./stripe";
import { hourlyRoutes } from "./hourly";
import { billingRoutes, invoiceRoutes } from "./invoices";
import { statementRoutes } from "./statements";
import { taxRoutes } from "./tax";
import { multicurrencyRoutes } from "./multicurrency";
import { cryptoPaymentRoutes } from "./crypto-payments";
import { paymentRoutes } from "./payments";
import { disputeRoutes } from "./disputes";
import { reviewRoutes } from "./reviews";
import { adminSupportRoutes, supportRoutes } from "./support";
import { adminAnalyticsRoutes, analyticsRoutes } from "./analytics";
import { fraudCheckRoutes } from "./fraud-check";
import { adminFraudRoutes } from "./admin-fraud";
import { adminUserRoutes } from "./admin-users";
import { adminAppealRoutes, appealRoutes } from "./admin-appeals";
import { adminProjectRoutes, adminReviewRoutes } from "./admin-moderation";
import { adminAuditRoutes } from "./admin-audit";
import { meetingRoutes } from "./meetings";
import { recordingRoutes } from "./recordings";
import { clientRoutes } from "./clients";
import { savedSearchRoutes } from "./saved-searches";
import { resolveViewer } from "./viewer";

export function createApi() {
  const api = createRouter().basePath("/api");

  api.use("*", async (c, next) => {
    const domain = domainContextFromEnv(c.env);
    c.set("db", domain.db);
    c.set("domain", domain);
    await next();
  });

  api.use("*", resolveViewer);

  api.route("/health", healthRoutes);
  api.route("/auth", authRoutes);
  api.route("/auth/oauth", oauthRoutes);
  api.route("/security", securityRoutes);
  api.route("/rooms", roomRoutes);
  api.route("/conversations", conversationRoutes);
  api.route("/conversations", conversationCallRoutes);
  api.route("/calls", callRoutes);
  api.route("/presence", presenceRoutes);
  api.route("/", passkeyRoutes);
  api.route("/", taxonomyRoutes);
  api.route("/projects", projectRoutes);
  api.route("/", proposalRoutes);
  api.route("/notifications", notificationRoutes);
  api.route("/", profilePhotoRoutes);
  api.route("/", profileRoutes);
  api.route("/", fileRoutes);
  api.route("/favorites", favoriteRoutes);
  api.route("/", dashboardRoutes);

  api.route("/contracts", contractRoutes);
  api.route("/milestones", milestoneRoutes);
  api.route("/wallet", walletRoutes);
  api.route("/payouts", payoutRoutes);
  api.route("/ai", aiRoutes);
  api.route("/", stripeRoutes);
  api.route("/", hourlyRoutes);
  api.route("/invoices", invoiceRoutes);
  api.route("/billing-details", billingRoutes);
  api.route("/statements", statementRoutes);
  api.route("/tax", taxRoutes);
  api.route("/multicurrency", multicurrencyRoutes);
  api.route("/payments/crypto", cryptoPaymentRoutes);
  api.route("/payments", paymentRoutes);
  api.route("/", disputeRoutes);
  api.route("/", reviewRoutes);
  api.route("/support", supportRoutes);
  api.route("/admin/support", adminSupportRoutes);
  api.route("/admin/analytics", adminAnalyticsRoutes);
  api.route("/analytics", analyticsRoutes);
  api.route("/ai/fraud-check", fraudCheckRoutes);
  api.route("/admin", adminFraudRoutes);
  api.route("/admin/users", adminUserRoutes);
  api.route("/admin/appeals", adminAppealRoutes);
  api.route("/appeals", appealRoutes);
  api.route("/admin/projects", adminProjectRoutes);
  api.route("/admin/reviews", adminReviewRoutes);
  api.route("/admin/audit", adminAuditRoutes);
  api.route("/meetings", meetingRoutes);
  api.route("/", recordingRoutes);
  api.route("/clients", clientRoutes);
  api.route("/saved-searches", savedSearchRoutes);

  let document: ReturnType<typeof buildApiDocument> | undefined;
  api.get("/openapi.json", (c) => c.json((document ??= buildApiDocument(api)), 200));
  api.get("/docs", (c) => {
    const nonce = crypto.randomUUID().replace(/-/g, "");
    return c.html(renderApiDocsPage("/api/openapi.json", nonce), 200, { "Content-Security-Policy": apiDocsPolicy(nonce) });
  });

  api.notFound((c) => c.json(errorBody("not_found", `No API route for ${c.req.method} ${c.req.path}`), 404));
  api.onError((error, c) => {
    if (error instanceof AppError) {
      return c.json(errorBody(error.code, error.message, error.fields), error.status, error.headers);
    }
    if (error instanceof HTTPException) {
      const status = error.status;
      const code = status === 400 ? "bad_request" : status === 401 ? "unauthorized" : "http_error";
      return c.json(errorBody(code, error.message || "Request failed"), status);
    }
    if (isDatabaseUnavailable(error)) {
      console.warn(JSON.stringify({ message: "database unavailable", path: c.req.path, error: String(error) }));
      return c.json(errorBody("unavailable", UNAVAILABLE_MESSAGE), 503, retryAfterHeaders());
    }
    console.error(JSON.stringify({ message: "unhandled API error", path: c.req.path, error: String(error) }));
    return c.json(errorBody("internal_error", "Something went wrong on our side. Please try again."), 500);
  });

  return api;
}

export type Api = ReturnType<typeof createApi>;
