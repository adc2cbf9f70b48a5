using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Faq.Translations;

/// <summary>The FAQ context's tables of this feature: translations and the program holds (one line in the context).</summary>
internal static class FaqTranslationsModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new FaqTranslationEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new ProgramFaqs.FaqProgramHoldEntityTypeConfiguration());
    }
}
