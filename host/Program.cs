using ConversationHub.Bot;
using ConversationHub.Core;
using ConversationHub.Faq;
using ConversationHub.Handoff;
using ConversationHub.Host;
using ConversationHub.Host.DemoCity;
using ConversationHub.VoiceBridge;

if (await HostCommands.TryRunAsync(args) is { } verbExitCode)
{
    return verbExitCode;
}

var builder = HostSetup.CreateBuilder(args);
builder.AddCore(); // first: its start-up migrations must run before any other hosted service reads the database
builder.AddHostDefaults();
builder.AddFaq();
builder.AddBot();
builder.AddHandoff();
builder.AddVoiceBridge();
builder.AddDemoCity();

var app = builder.Build();
app.UseHostDefaults();
app.MapCore();
app.MapFaq();
app.MapBot();
app.MapHandoff();
app.MapVoiceBridge();
app.MapHostDefaults();

return await HostSetup.RunAsync(app);
