namespace Verity.DevStack.Api;

/// <summary>
/// The deterministic data the sample API starts with. Times are fixed (not relative to the clock) so that the
/// same request always gets the same answer.
/// </summary>
public static class SampleApiSeed
{
    public const string ActiveAgentId = "agt_01";
    public const string SurveyAgentId = "agt_02";
    public const string PausedAgentId = "agt_03";
    public const string DraftAgentId = "agt_04";
    public const string CompletedCallId = "call_0001";
    public const string FirstContactId = "ct_0001";

    private static readonly DateTimeOffset Epoch = new(2026, 10, 1, 9, 0, 0, TimeSpan.Zero);

    public static IReadOnlyList<PhoneNumber> PhoneNumbers { get; } =
    [
        new("pn_01", "+15550101", "Main line", ["voice", "sms"], ActiveAgentId),
        new("pn_02", "+15550102", "Surveys", ["voice"], SurveyAgentId),
        new("pn_03", "+15550103", "Sales (Spanish)", ["voice", "sms"], PausedAgentId),
        new("pn_04", "+15550104", null, ["sms"], null),
    ];

    public static IReadOnlyList<Agent> Agents { get; } =
    [
        new(ActiveAgentId, "Appointment Reminder", "Calls patients the day before an appointment to confirm or reschedule.", "active", "aria", "en-US", "pn_01", Epoch),
        new(SurveyAgentId, "Customer Survey", "Asks three satisfaction questions after a support ticket is closed.", "active", "marcus", "en-US", "pn_02", Epoch.AddDays(3)),
        new(PausedAgentId, "Lead Qualifier", "Qualifies inbound leads in Spanish before a sales call.", "paused", "sofia", "es-US", "pn_03", Epoch.AddDays(7)),
        new(DraftAgentId, "Support Triage", null, "draft", "aria", "en-GB", null, Epoch.AddDays(12)),
    ];

    public static IReadOnlyList<Contact> Contacts { get; } =
    [
        new(FirstContactId, "Maria Garcia", "+15550111", "maria.garcia@example.com", "Garcia Dental", ["customer", "vip"], "Prefers morning calls.", Epoch.AddDays(1), null),
        new("ct_0002", "James Smith", "+15550112", "james@smith-logistics.example", "Smith Logistics", ["customer"], null, Epoch.AddDays(2), Epoch.AddDays(9)),
        new("ct_0003", "Aiko Tanaka", "+15550113", null, null, ["lead"], "Met at the spring expo.", Epoch.AddDays(4), null),
        new("ct_0004", "Oluwaseun Adeyemi", "+15550114", "seun@adeyemi.example", "Adeyemi & Co", ["lead", "vip"], null, Epoch.AddDays(6), null),
        new("ct_0005", "Lucas Martin", "+15550115", "lucas.martin@example.com", "Martin Supplies", ["supplier"], null, Epoch.AddDays(8), null),
        new("ct_0006", "Priya Patel", "+15550116", "priya.patel@example.com", null, [], null, Epoch.AddDays(10), null),
    ];

    internal static IReadOnlyList<CallRecord> Calls() =>
    [
        CallRecord.Ended(
            new(CompletedCallId, ActiveAgentId, "+15550111", "+15550101", "Maria Garcia", "Confirm the dental appointment on Friday at 10:00.", false,
                CallStatuses.Completed, Epoch.AddDays(14), Epoch.AddDays(14).AddSeconds(6), Epoch.AddDays(14).AddSeconds(58), 52),
            [
                new("agent", "Hello, is this Maria Garcia?", 0.9),
                new("callee", "Yes, speaking.", 2.4),
                new("agent", "This is the appointment reminder from Garcia Dental. You have an appointment on Friday at 10:00. Can you make it?", 3.6),
                new("callee", "Yes, I'll be there.", 11.2),
                new("agent", "Perfect, we'll see you on Friday. Goodbye!", 13.0),
            ],
            "Maria Garcia confirmed her Friday 10:00 appointment."),
        CallRecord.Ended(
            new("call_0002", SurveyAgentId, "+15550112", "+15550102", "James Smith", null, false,
                CallStatuses.Completed, Epoch.AddDays(15), Epoch.AddDays(15).AddSeconds(8), Epoch.AddDays(15).AddSeconds(103), 95),
            [
                new("agent", "Hi James, this is Verity calling about your recent support ticket. Do you have a minute for three questions?", 1.1),
                new("callee", "Sure, go ahead.", 5.8),
                new("agent", "On a scale of one to five, how satisfied were you with the resolution?", 7.0),
                new("callee", "A four. It took a day longer than I hoped.", 12.5),
                new("agent", "Thanks, I've noted that. That's all, have a great day!", 18.2),
            ],
            "James Smith rated the resolution 4/5; the fix took longer than expected."),
        CallRecord.Ended(
            new("call_0003", ActiveAgentId, "+15550113", "+15550101", "Aiko Tanaka", null, false,
                CallStatuses.NoAnswer, Epoch.AddDays(16), null, Epoch.AddDays(16).AddSeconds(30), null),
            [],
            "Nobody answered."),
        CallRecord.Ended(
            new("call_0004", SurveyAgentId, "+15550199", "+15550102", null, null, true,
                CallStatuses.Failed, Epoch.AddDays(17), null, Epoch.AddDays(17).AddSeconds(2), null),
            [],
            "The carrier rejected the number."),
        CallRecord.Ended(
            new("call_0005", ActiveAgentId, "+15550114", "+15550101", "Oluwaseun Adeyemi", "Reschedule to next week.", false,
                CallStatuses.Completed, Epoch.AddDays(18), Epoch.AddDays(18).AddSeconds(5), Epoch.AddDays(18).AddSeconds(40), 35),
            [
                new("agent", "Hello, is this Oluwaseun?", 0.7),
                new("callee", "It is. Who's calling?", 2.0),
                new("agent", "The appointment reminder service. Would next Tuesday at 14:00 work instead?", 3.3),
                new("callee", "Tuesday works.", 9.9),
            ],
            "Rescheduled to Tuesday at 14:00."),
    ];
}
