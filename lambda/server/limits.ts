/**
 * Every bound the endpoint holds a client to, in one place (README "Host it
 * yourself" quotes them). Tests and the soak override some through
 * ServerOptions.limits to stay fast; production uses these.
 */
export interface Limits {
  /** Alexa's requests are a few kilobytes; anything near this is not one. Chunked or not. */
  readonly bodyLimitBytes: number;
  /** Headers must arrive this soon after the connection (or the previous request) starts: slow-loris clients are cut. */
  readonly headersTimeoutMs: number;
  /** A whole request (headers and body) must arrive this soon; Alexa itself gives up on an answer after 8 s. */
  readonly requestTimeoutMs: number;
  /**
   * How long an idle keep-alive connection is kept. Longer than a load balancer's
   * idle timeout (60 s by default on AWS ALB), so the balancer never reuses a
   * connection we are closing; drain closes idle ones at once anyway.
   */
  readonly keepAliveMs: number;
  /**
   * On SIGTERM, in-flight requests get this long before their connections are
   * cut; with the cut and the exit the process is gone within 10 s, before
   * `docker stop` (10 s by default) would kill it.
   */
  readonly drainMs: number;
  /** Amazon's signing certificate must download this fast, or the request is refused. */
  readonly certificateFetchMs: number;
  /** A certificate URL that failed is not fetched again for this long, so forged requests cannot make us fetch on each. */
  readonly certificateFailureMs: number;
}

export const LIMITS: Limits = {
  bodyLimitBytes: 64 * 1024,
  headersTimeoutMs: 5_000,
  requestTimeoutMs: 10_000,
  keepAliveMs: 65_000,
  drainMs: 9_000,
  certificateFetchMs: 2_000,
  certificateFailureMs: 60_000,
};

export const DRAIN_MS = LIMITS.drainMs;

/** Amazon's rule: a request's timestamp within 150 s of now, either side. */
export const TIMESTAMP_TOLERANCE_MS = 150_000;
/** Skill events (AlexaSkillEvent.*) may be delivered late: up to an hour old, as ask-sdk-express-adapter allows. */
export const SKILL_EVENT_TOLERANCE_MS = 3_600_000;
