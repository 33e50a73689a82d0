import { randomBytes } from "node:crypto";

/**
 * Sign requests waiting for the person at the PC: the sign call waits (long-poll) until a PIN is submitted
 * on the agent's approval page (or its terminal), the request is refused, or the deadline passes. A wrong PIN
 * is reported back to whoever submitted it and the request keeps waiting for another try.
 */

export interface ApprovalRequest {
  requestId: string;
  certificateLabel: string;
  documentCount: number;
  origin: string;
  /** The token's PIN retry state when the request came in (a warning on the page). */
  pinStatus?: "ok" | "count-low" | "final-try" | "locked";
}

export type Decision = { kind: "approve"; pin: string } | { kind: "reject" };

/** What happened to a submitted decision, for the approval page (or terminal) to show. */
export type Outcome = { kind: "signed"; count: number } | { kind: "rejected" } | { kind: "retry"; message: string } | { kind: "failed"; message: string };

export class ApprovalTimeout extends Error {}
export class ApprovalCancelled extends Error {}

interface Submission {
  decision: Decision;
  reply(outcome: Outcome): void;
}

export class PendingApproval {
  /** Must come back with the page's form: another site cannot read the page, so cannot forge the POST. */
  readonly formToken = randomBytes(24).toString("base64url");
  readonly deadline: number;
  private submissions: Submission[] = [];
  private waiter: ((submission: Submission) => void) | undefined;
  private finished = false;
  private lastMessage: string | undefined;
  private markEnded!: () => void;
  /** Settles when the request ends (signed, refused, failed, timed out or dropped). */
  readonly ended = new Promise<void>((resolve) => (this.markEnded = resolve));

  constructor(
    readonly request: ApprovalRequest,
    timeoutMs: number,
  ) {
    this.deadline = Date.now() + timeoutMs;
  }

  get done(): boolean {
    return this.finished;
  }

  /** The last wrong-PIN message, for the page to show on reload. */
  get message(): string | undefined {
    return this.lastMessage;
  }

  /** Called by the approval page / terminal: resolves once the sign call has tried the PIN (or refused). */
  submit(decision: Decision): Promise<Outcome> {
    if (this.finished) return Promise.resolve({ kind: "failed", message: "Yêu cầu ký này đã kết thúc." });
    return new Promise((resolve) => {
      const submission: Submission = {
        decision,
        reply: (outcome) => {
          if (outcome.kind === "retry") this.lastMessage = outcome.message;
          resolve(outcome);
        },
      };
      if (this.waiter) {
        const waiter = this.waiter;
        this.waiter = undefined;
        waiter(submission);
      } else this.submissions.push(submission);
    });
  }

  /** Called by the sign call: the next decision, or ApprovalTimeout at the deadline, or ApprovalCancelled. */
  next(signal?: AbortSignal): Promise<Submission> {
    const queued = this.submissions.shift();
    if (queued) return Promise.resolve(queued);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiter = undefined;
        reject(new ApprovalTimeout("approval timed out"));
      }, Math.max(0, this.deadline - Date.now()));
      const onAbort = () => {
        clearTimeout(timer);
        this.waiter = undefined;
        reject(new ApprovalCancelled("the caller went away"));
      };
      if (signal?.aborted) return onAbort();
      signal?.addEventListener("abort", onAbort, { once: true });
      this.waiter = (submission) => {
        clearTimeout(timer);
        signal?.removeEventListener("abort", onAbort);
        resolve(submission);
      };
    });
  }

  /** No more decisions are taken; anyone still queued is told the request ended. */
  finish(): void {
    this.finished = true;
    this.markEnded();
    for (const submission of this.submissions.splice(0)) submission.reply({ kind: "failed", message: "Yêu cầu ký này đã kết thúc." });
  }
}

export class Approvals {
  private readonly pending = new Map<string, PendingApproval>();

  constructor(private readonly timeoutMs: number) {}

  open(request: ApprovalRequest): PendingApproval | undefined {
    if (this.pending.has(request.requestId)) return undefined;
    const approval = new PendingApproval(request, this.timeoutMs);
    this.pending.set(request.requestId, approval);
    return approval;
  }

  get(requestId: string): PendingApproval | undefined {
    return this.pending.get(requestId);
  }

  close(approval: PendingApproval): void {
    approval.finish();
    if (this.pending.get(approval.request.requestId) === approval) this.pending.delete(approval.request.requestId);
  }
}
