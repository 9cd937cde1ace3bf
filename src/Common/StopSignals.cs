using System.Runtime.InteropServices;

namespace Verity.Common;

/// <summary>
/// Turns SIGINT (Ctrl+C), SIGTERM (<c>kill</c>, <c>docker stop</c>, process managers) and SIGQUIT into one
/// cancellation, as the generic host does, so every verb of verity-mcp and verity-devstack stops cleanly. Only the
/// first signal is taken over; a second one gets the runtime's default and ends the process at once, in case a verb
/// is stuck. Compiled into both executables (they share no library).
/// </summary>
internal sealed class StopSignals : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly PosixSignalRegistration[] _registrations;

    public StopSignals()
    {
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal),
            PosixSignalRegistration.Create(PosixSignal.SIGQUIT, OnSignal),
        ];
    }

    /// <summary>Cancelled when a stop signal arrives.</summary>
    public CancellationToken Token => _stop.Token;

    public bool StopRequested => _stop.IsCancellationRequested;

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _stop.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }

        context.Cancel = true;
        _stop.Cancel();
    }
}
