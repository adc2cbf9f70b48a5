namespace ConversationHub.Handoff.Programs.Administration;

/// <summary>A program form that passed every check, in the stored shapes.</summary>
internal sealed record CheckedProgram(
    string Code,
    string Name,
    DateOnly StartsOn,
    DateOnly ServiceEndsOn,
    DateOnly DisposalOn,
    string HoursJson,
    string PhoneNumbers,
    string? LineKeyword,
    string? FaqCategory,
    string? FaqIds,
    bool KeepFaqsAfterEnd,
    string Languages,
    Guid? TeamId,
    string EndMessage,
    string AfterEndGuidance)
{
    public void ApplyTo(ProgramDefinition program)
    {
        program.Name = Name;
        program.StartsOn = StartsOn;
        program.ServiceEndsOn = ServiceEndsOn;
        program.DisposalOn = DisposalOn;
        program.HoursJson = HoursJson;
        program.PhoneNumbers = PhoneNumbers;
        program.LineKeyword = LineKeyword;
        program.FaqCategory = FaqCategory;
        program.FaqIds = FaqIds;
        program.KeepFaqsAfterEnd = KeepFaqsAfterEnd;
        program.Languages = Languages;
        program.TeamId = TeamId;
        program.EndMessage = EndMessage;
        program.AfterEndGuidance = AfterEndGuidance;
    }
}
