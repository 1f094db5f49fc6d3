/** A response a handler or the server decides on, before headers common to all are added. */
export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

const DOCS = "https://docs.github.com/rest";

/** GitHub's error shape: `{ message, documentation_url, status, errors? }`. */
export function errorReply(
  status: number,
  message: string,
  extra: { errors?: unknown[]; headers?: Record<string, string> } = {},
): Reply {
  return {
    status,
    body: {
      message,
      documentation_url: DOCS,
      status: String(status),
      ...(extra.errors && { errors: extra.errors }),
    },
    ...(extra.headers && { headers: extra.headers }),
  };
}

export function notFound(): Reply {
  return errorReply(404, "Not Found");
}

/** 422 "Validation Failed" with GitHub's `errors` entries. */
export function validationFailed(
  errors: Array<{ resource: string; field: string; code: string; message?: string }>,
): Reply {
  return errorReply(422, "Validation Failed", { errors });
}
