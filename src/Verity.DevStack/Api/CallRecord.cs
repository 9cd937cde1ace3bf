namespace Verity.DevStack.Api;

/// <summary>
/// One call and its transcript. A test call moves one stage per read of it (and, when a step interval is set,
/// one stage per interval of the store's clock): queued → ringing → in_progress → completed. Not thread-safe:
/// the store locks around it.
/// </summary>
internal sealed class CallRecord
{
    private static readonly string[] Stages = [CallStatuses.Queued, CallStatuses.Ringing, CallStatuses.InProgress, CallStatuses.Completed];

    /// <summary>How many turns of the script a caller has heard while the call is in progress.</summary>
    private const int TurnsWhileInProgress = 2;

    private readonly IReadOnlyList<TranscriptTurn> _script;
    private readonly string? _scriptSummary;
    private Call _call;
    private int _stage;
    private bool _frozen;
    private IReadOnlyList<TranscriptTurn> _turns;
    private string? _summary;

    private CallRecord(Call call, IReadOnlyList<TranscriptTurn> script, string? summary, bool frozen)
    {
        _call = call;
        _script = script;
        _scriptSummary = summary;
        _frozen = frozen;
        _turns = frozen ? script : [];
        _summary = frozen ? summary : null;
        _stage = frozen ? Stages.Length - 1 : 0;
    }

    public string Id => _call.Id;

    public string AgentId => _call.AgentId;

    public DateTimeOffset CreatedAt => _call.CreatedAt;

    public static CallRecord Ended(Call call, IReadOnlyList<TranscriptTurn> turns, string? summary) => new(call, turns, summary, frozen: true);

    public static CallRecord StartTest(string id, Agent agent, string? fromNumber, string toNumber, string? contactName, string? context, DateTimeOffset now)
    {
        var call = new Call(id, agent.Id, toNumber, fromNumber, contactName, context, IsTest: true, CallStatuses.Queued, now, null, null, null);
        return new CallRecord(call, TestCallScript(agent, contactName, context), TestCallSummary(agent, contactName), frozen: false);
    }

    /// <summary>The call as it stands, after catching up with the clock when a step interval is set.</summary>
    public Call Snapshot(DateTimeOffset now, TimeSpan? stepInterval)
    {
        CatchUp(now, stepInterval);
        return _call;
    }

    /// <summary>A read of this call: it moves one stage on (a test call that has not ended), then shows.</summary>
    public Call Read(DateTimeOffset now, TimeSpan? stepInterval)
    {
        CatchUp(now, stepInterval);
        MoveTo(_stage + 1, now);
        return _call;
    }

    public Transcript Transcript() => new(_call.Id, _call.Status, _turns, _summary);

    /// <summary>Ends a ringing or live call; a call that has ended already stays as it is.</summary>
    public Call HangUp(DateTimeOffset now, TimeSpan? stepInterval)
    {
        CatchUp(now, stepInterval);
        if (_frozen || CallStatuses.IsEnded(_call.Status))
        {
            return _call;
        }

        _frozen = true;
        if (_call.Status == CallStatuses.InProgress)
        {
            var started = _call.StartedAt ?? now;
            _call = _call with
            {
                Status = CallStatuses.Completed,
                EndedAt = now,
                DurationSeconds = (int)Math.Max(0, Math.Round((now - started).TotalSeconds)),
            };
            _summary = "The call was hung up while in progress.";
        }
        else
        {
            _call = _call with { Status = CallStatuses.Canceled, EndedAt = now };
            _summary = "The call was hung up before it was answered.";
        }

        return _call;
    }

    private void CatchUp(DateTimeOffset now, TimeSpan? stepInterval)
    {
        if (_frozen || stepInterval is not { Ticks: > 0 } interval)
        {
            return;
        }

        var elapsedSteps = (int)Math.Min(Stages.Length, Math.Max(0, (now - _call.CreatedAt).Ticks / interval.Ticks));
        if (elapsedSteps > _stage)
        {
            MoveTo(elapsedSteps, now);
        }
    }

    private void MoveTo(int stage, DateTimeOffset now)
    {
        if (_frozen)
        {
            return;
        }

        stage = Math.Min(stage, Stages.Length - 1);
        while (_stage < stage)
        {
            _stage++;
            switch (Stages[_stage])
            {
                case CallStatuses.Ringing:
                    _call = _call with { Status = CallStatuses.Ringing };
                    break;
                case CallStatuses.InProgress:
                    _call = _call with { Status = CallStatuses.InProgress, StartedAt = now };
                    _turns = [.. _script.Take(TurnsWhileInProgress)];
                    break;
                case CallStatuses.Completed:
                    var duration = (int)Math.Ceiling(_script.Count == 0 ? 0 : _script[^1].OffsetSeconds + 2);
                    var started = _call.StartedAt ?? now;
                    _call = _call with
                    {
                        Status = CallStatuses.Completed,
                        StartedAt = started,
                        EndedAt = started.AddSeconds(duration),
                        DurationSeconds = duration,
                    };
                    _turns = _script;
                    _summary = _scriptSummary;
                    _frozen = true;
                    break;
            }
        }
    }

    private static IReadOnlyList<TranscriptTurn> TestCallScript(Agent agent, string? contactName, string? context)
    {
        var greeting = contactName is null ? "Hello!" : $"Hello, is this {contactName}?";
        var who = contactName is null ? "Hi, yes. Who's calling?" : $"Yes, this is {contactName}. Who's calling?";
        var purpose = string.IsNullOrWhiteSpace(context)
            ? "This is a short test call to check that everything works."
            : $"This is a short test call. {context.Trim()}";
        return
        [
            new("agent", $"{greeting} This is {agent.Name}, an AI assistant from Verity.", 0.8),
            new("callee", who, 3.5),
            new("agent", purpose, 5.1),
            new("callee", "Okay, sounds good. Everything is clear on my end.", 10.4),
            new("agent", "Great, thank you. That's all for this test. Goodbye!", 12.9),
        ];
    }

    private static string TestCallSummary(Agent agent, string? contactName) =>
        $"Test call from {agent.Name} to {contactName ?? "the callee"} completed; the callee confirmed they could hear the agent clearly.";
}
