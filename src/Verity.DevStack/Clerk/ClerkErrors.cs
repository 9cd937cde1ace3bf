namespace Verity.DevStack.Clerk;

/// <summary>The Clerk error codes and messages the emulator uses, in one place.</summary>
internal static class ClerkErrors
{
    public static ClerkProblem AuthorizationHeaderFormatInvalid() => new(
        401,
        "authorization_header_format_invalid",
        "Invalid Authorization header format",
        "Invalid Authorization header format. Must be \"Bearer <YOUR_API_KEY>\"");

    public static ClerkProblem ClerkKeyInvalid() => new(
        401,
        "clerk_key_invalid",
        "The provided Clerk Secret Key is invalid. Make sure that your Clerk Secret Key is correct.",
        "The provided Clerk Secret Key is invalid. Make sure that your Clerk Secret Key is correct.");

    public static ClerkProblem ApiVersionInvalid(string detail) => new(
        400,
        "api_version_invalid",
        "Invalid API version",
        detail);

    public static ClerkProblem TooManyRequests(int retryAfterSeconds) => new(
        429,
        "too_many_requests",
        "Too Many Requests",
        "Too many requests, retry later")
    {
        RetryAfterSeconds = retryAfterSeconds,
    };

    public static ClerkProblem ResourceNotFound() => new(
        404,
        "resource_not_found",
        "not found",
        "Resource not found");

    /// <summary>Clerk's answer to a token request naming a template the instance does not have (seen from Clerk's BAPI).</summary>
    public static ClerkProblem JwtTemplateNotFound(string templateName) => new(
        404,
        "resource_not_found",
        "JWT template not found",
        "No JWT template exists with name: " + templateName);

    public static ClerkProblem RequestBodyInvalid(string detail) => new(
        400,
        "request_body_invalid",
        "Request body invalid",
        detail);

    public static ClerkProblem FormParamMissing(string paramName) => new(
        422,
        "form_param_missing",
        "missing data",
        paramName + " must be included.",
        paramName);

    public static ClerkProblem FormParamValueInvalid(string paramName, string detail) => new(
        422,
        "form_param_value_invalid",
        "is invalid",
        detail,
        paramName);

    public static ClerkProblem SessionCreationNotAllowed() => new(
        400,
        "operation_not_allowed_on_production_instance",
        "Not allowed on production instances",
        "Sessions can only be created through the Backend API on development instances.");

    public static ClerkProblem InternalError() => new(
        500,
        "internal_clerk_error",
        "Oops, an unexpected error occurred",
        "There was an internal error on our servers. We've been notified and are working on fixing it.");

    /// <summary>The error body for an injected fault with <paramref name="statusCode"/>.</summary>
    public static ClerkProblem Injected(int statusCode, int? retryAfterSeconds) => statusCode switch
    {
        400 => new(400, "request_invalid", "Bad request", "The request was invalid (injected fault)."),
        401 => ClerkKeyInvalid(),
        403 => new(403, "authorization_invalid", "Unauthorized request", "You are not authorized to perform this request (injected fault)."),
        404 => ResourceNotFound(),
        429 => TooManyRequests(retryAfterSeconds ?? 1),
        _ when statusCode >= 500 => new(statusCode, "internal_clerk_error", "Oops, an unexpected error occurred", "There was an internal error on our servers. We've been notified and are working on fixing it. (injected fault)"),
        _ => new(statusCode, "unexpected_error", "Unexpected error", "An unexpected error occurred (injected fault)."),
    } with
    {
        RetryAfterSeconds = retryAfterSeconds ?? (statusCode == 429 ? 1 : null),
    };
}
