namespace Verity.DevStack.Clerk;

/// <summary>The users and sessions of the emulated instance; safe to use from many threads.</summary>
internal sealed class ClerkDirectory
{
    private readonly Lock _gate = new();
    private readonly List<ClerkUser> _users = [];
    private readonly List<ClerkSession> _sessions = [];

    public IReadOnlyList<ClerkUser> Users
    {
        get
        {
            lock (_gate)
            {
                return [.. _users];
            }
        }
    }

    public IReadOnlyList<ClerkSession> Sessions
    {
        get
        {
            lock (_gate)
            {
                return [.. _sessions];
            }
        }
    }

    public void AddUser(ClerkUser user)
    {
        lock (_gate)
        {
            if (_users.Exists(u => u.Id == user.Id))
            {
                throw new InvalidOperationException($"A user with id {user.Id} already exists.");
            }

            _users.Add(user);
        }
    }

    public void AddSession(ClerkSession session)
    {
        lock (_gate)
        {
            if (_sessions.Exists(s => s.Id == session.Id))
            {
                throw new InvalidOperationException($"A session with id {session.Id} already exists.");
            }

            _sessions.Add(session);
        }
    }

    public ClerkUser? FindUser(string userId)
    {
        lock (_gate)
        {
            return _users.Find(u => u.Id == userId);
        }
    }

    public ClerkSession? FindSession(string sessionId)
    {
        lock (_gate)
        {
            return _sessions.Find(s => s.Id == sessionId);
        }
    }

    /// <summary>Sets a session's status; returns the updated session, or null when there is no such session.</summary>
    public ClerkSession? SetSessionStatus(string sessionId, string status, DateTimeOffset now)
    {
        lock (_gate)
        {
            var index = _sessions.FindIndex(s => s.Id == sessionId);
            if (index < 0)
            {
                return null;
            }

            var updated = _sessions[index] with { Status = status, UpdatedAt = now };
            _sessions[index] = updated;
            return updated;
        }
    }
}
