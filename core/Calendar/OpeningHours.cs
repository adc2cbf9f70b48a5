namespace ConversationHub.Core.Calendar;

/// <summary>A validated opening range within one day, <see cref="Opens"/> before <see cref="Closes"/>.</summary>
internal readonly record struct OpeningHours(TimeOnly Opens, TimeOnly Closes);
