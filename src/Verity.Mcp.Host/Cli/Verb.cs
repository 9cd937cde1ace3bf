namespace Verity.Mcp.Host.Cli;

internal enum Verb
{
    Serve,
    Tools,
    Call,
    Doctor,
    Help,
    Version,
}
