using Verity.DevStack;
using Verity.DevStack.Api;
using Verity.DevStack.Clerk;

namespace Verity.Soak;

/// <summary>A fault the soak arms on the dev stack just before one tool call, picked at random.</summary>
internal sealed record SoakFault(string Name, Action<DevStackHost, SoakCall> Arm)
{
    /// <summary>Longer than the server's per-request limit the soak sets (VERITY_TIMEOUT_SECONDS=2).</summary>
    private static readonly TimeSpan BeyondTimeout = TimeSpan.FromSeconds(3);

    private static readonly SoakFault[] Faults =
    [
        Status(500), Status(502), Status(503), Status(504), Status(404), Status(409),
        new("api 429 Retry-After 1", (stack, call) => stack.Api.Faults.Add(ApiFault.Status(null, null, 429, retryAfterSeconds: 1))),
        new("api 503 twice", (stack, call) => stack.Api.Faults.Add(ApiFault.Status(null, null, 503, count: 2))),
        new("api 401 once (token refreshed, resent once)", (stack, call) => stack.Api.Faults.Add(ApiFault.Status(null, null, 401))),
        new("api 401 then clerk 500 on the refresh", (stack, call) =>
        {
            stack.Api.Faults.Add(ApiFault.Status(null, null, 401));
            stack.Clerk.InjectFaults(1, 500, "/tokens");
        }),
        new("api 401 then clerk 429 on the refresh", (stack, call) =>
        {
            stack.Api.Faults.Add(ApiFault.Status(null, null, 401));
            stack.Clerk.InjectFaults(1, ClerkFault.Status(429, retryAfterSeconds: 1), "/tokens");
        }),
        new("api 401 then clerk 401 (key refused)", (stack, call) =>
        {
            stack.Api.Faults.Add(ApiFault.Status(null, null, 401));
            stack.Clerk.InjectFaults(1, 401, "/tokens");
        }),
        new("signing key rotated", (stack, call) => stack.Clerk.RotateSigningKey()),
        new("api stalls past the time limit before answering (reads only)", (stack, call) =>
        {
            if (!IsWrite(call.Tool))
            {
                stack.Api.Faults.Add(ApiFault.Delayed(null, null, BeyondTimeout));
            }
        }),
    ];

    public static SoakFault? Pick(Random random) => random.Next(100) < 45 ? Faults[random.Next(Faults.Length)] : null;

    private static SoakFault Status(int status) =>
        new($"api {status}", (stack, call) => stack.Api.Faults.Add(ApiFault.Status(null, null, status)));

    private static bool IsWrite(string tool) => tool is "initiate_test_call" or "create_contact" or "update_contact";
}
