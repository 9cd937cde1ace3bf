using System.Globalization;

namespace Verity.DevStack.Api;

/// <summary>The sample API's in-memory state: agents, phone numbers, contacts, calls and idempotency keys.</summary>
public sealed class SampleApiStore
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan? _callStepInterval;
    private readonly List<Agent> _agents;
    private readonly List<PhoneNumber> _phoneNumbers;
    private readonly List<Contact> _contacts;
    private readonly List<CallRecord> _calls;
    private readonly Dictionary<string, IdempotentCreate> _idempotentCreates = new(StringComparer.Ordinal);
    private int _lastContactNumber;
    private int _lastCallNumber;

    public SampleApiStore(TimeProvider timeProvider, TimeSpan? callStepInterval = null)
    {
        _timeProvider = timeProvider;
        _callStepInterval = callStepInterval;
        _agents = [.. SampleApiSeed.Agents];
        _phoneNumbers = [.. SampleApiSeed.PhoneNumbers];
        _contacts = [.. SampleApiSeed.Contacts];
        _calls = [.. SampleApiSeed.Calls()];
        _lastContactNumber = _contacts.Count;
        _lastCallNumber = _calls.Count;
    }

    // Whole milliseconds, as a real API's timestamps would be.
    private DateTimeOffset Now
    {
        get
        {
            var now = _timeProvider.GetUtcNow();
            return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond));
        }
    }

    public IReadOnlyList<Agent> Agents()
    {
        lock (_gate)
        {
            return [.. _agents.OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id, StringComparer.Ordinal)];
        }
    }

    public Agent? FindAgent(string id)
    {
        lock (_gate)
        {
            return _agents.Find(a => a.Id == id);
        }
    }

    public IReadOnlyList<PhoneNumber> PhoneNumbers()
    {
        lock (_gate)
        {
            return [.. _phoneNumbers];
        }
    }

    public IReadOnlyList<Call> Calls()
    {
        lock (_gate)
        {
            var now = Now;
            return [.. _calls.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id, StringComparer.Ordinal).Select(c => c.Snapshot(now, _callStepInterval))];
        }
    }

    /// <summary>Reads one call; a test call moves one stage on.</summary>
    public Call ReadCall(string id)
    {
        lock (_gate)
        {
            return FindCall(id).Read(Now, _callStepInterval);
        }
    }

    /// <summary>Reads one call's transcript; a test call moves one stage on.</summary>
    public Transcript ReadTranscript(string id)
    {
        lock (_gate)
        {
            var call = FindCall(id);
            call.Read(Now, _callStepInterval);
            return call.Transcript();
        }
    }

    public Call HangUp(string id)
    {
        lock (_gate)
        {
            return FindCall(id).HangUp(Now, _callStepInterval);
        }
    }

    public Call StartTestCall(string agentId, string toNumber, string? contactName, string? context)
    {
        lock (_gate)
        {
            var agent = _agents.Find(a => a.Id == agentId) ?? throw SampleApiException.NotFound("agent", agentId);
            if (agent.Status != "active")
            {
                throw new SampleApiException(409, "agent_not_active", $"Agent {agent.Id} is {agent.Status}: only active agents can place calls. Activate it first.");
            }

            var from = agent.PhoneNumberId is null ? null : _phoneNumbers.Find(p => p.Id == agent.PhoneNumberId)?.Number;
            var id = "call_" + (++_lastCallNumber).ToString("D4", CultureInfo.InvariantCulture);
            var record = CallRecord.StartTest(id, agent, from, toNumber, contactName, context, Now);
            _calls.Add(record);
            return record.Snapshot(Now, null);
        }
    }

    public IReadOnlyList<Contact> Contacts()
    {
        lock (_gate)
        {
            return [.. _contacts.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id, StringComparer.Ordinal)];
        }
    }

    public Contact FindContact(string id)
    {
        lock (_gate)
        {
            return _contacts.Find(c => c.Id == id) ?? throw SampleApiException.NotFound("contact", id);
        }
    }

    /// <summary>
    /// Creates a contact. With an idempotency key, a repeat of the same request answers the first result
    /// (<paramref name="replayed"/> true); the same key with another request is a 422.
    /// </summary>
    public Contact CreateContact(ContactDraft draft, string? idempotencyKey, string requestFingerprint, out bool replayed)
    {
        lock (_gate)
        {
            replayed = false;
            if (idempotencyKey is not null && _idempotentCreates.TryGetValue(idempotencyKey, out var earlier))
            {
                if (earlier.Fingerprint != requestFingerprint)
                {
                    throw new SampleApiException(422, "idempotency_key_reused",
                        "This Idempotency-Key was already used with a different request: use a new key for a new contact.");
                }

                replayed = true;
                return earlier.Result;
            }

            if (_contacts.Find(c => c.PhoneNumber == draft.PhoneNumber) is { } existing)
            {
                throw new SampleApiException(409, "duplicate_phone_number",
                    $"Contact {existing.Id} already has the phone number {draft.PhoneNumber}: update that contact instead.");
            }

            var contact = new Contact(
                "ct_" + (++_lastContactNumber).ToString("D4", CultureInfo.InvariantCulture),
                draft.Name,
                draft.PhoneNumber,
                draft.Email,
                draft.Company,
                draft.Tags,
                draft.Notes,
                Now,
                null);
            _contacts.Add(contact);
            if (idempotencyKey is not null)
            {
                _idempotentCreates[idempotencyKey] = new IdempotentCreate(requestFingerprint, contact);
            }

            return contact;
        }
    }

    public Contact UpdateContact(string id, Func<Contact, Contact> change)
    {
        lock (_gate)
        {
            var index = _contacts.FindIndex(c => c.Id == id);
            if (index < 0)
            {
                throw SampleApiException.NotFound("contact", id);
            }

            var updated = change(_contacts[index]) with { UpdatedAt = Now };
            if (_contacts.Find(c => c.Id != id && c.PhoneNumber == updated.PhoneNumber) is { } other)
            {
                throw new SampleApiException(409, "duplicate_phone_number",
                    $"Contact {other.Id} already has the phone number {updated.PhoneNumber}.");
            }

            _contacts[index] = updated;
            return updated;
        }
    }

    public void DeleteContact(string id)
    {
        lock (_gate)
        {
            if (_contacts.RemoveAll(c => c.Id == id) == 0)
            {
                throw SampleApiException.NotFound("contact", id);
            }
        }
    }

    private CallRecord FindCall(string id) => _calls.Find(c => c.Id == id) ?? throw SampleApiException.NotFound("call", id);

    private sealed record IdempotentCreate(string Fingerprint, Contact Result);
}

/// <summary>The fields of a contact to create, already validated.</summary>
public sealed record ContactDraft(string Name, string PhoneNumber, string? Email, string? Company, IReadOnlyList<string> Tags, string? Notes);
