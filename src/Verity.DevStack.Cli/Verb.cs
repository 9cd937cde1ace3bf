namespace Verity.DevStack.Cli;

internal enum Verb
{
    Run,
    Demo,
    Help,
}
