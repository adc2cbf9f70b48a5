using ConversationHub.Host;

if (await HostCommands.TryRunAsync(args) is { } verbExitCode)
{
    return verbExitCode;
}

var builder = HostSetup.CreateBuilder(args);
builder.AddModules();

var app = builder.Build();
app.MapModules();

return await HostSetup.RunAsync(app);
