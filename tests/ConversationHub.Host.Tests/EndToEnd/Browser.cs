using ConversationHub.Testing;
using Microsoft.Playwright;

namespace ConversationHub.Host.Tests.EndToEnd;

/// <summary>Debian's Chromium driven by Playwright (no browser download: the machine's own binary).</summary>
public static class Browser
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: ./test.sh installs Debian's chromium and fonts-ipafont-gothic.");
        }

        // A loaded CI machine (two cores, three test assemblies) can take longer than Playwright's 5 s default to show
        // what a page will show; a real failure still fails, only later.
        Assertions.SetDefaultExpectTimeout(15_000);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        return (playwright, browser);
    }

    /// <summary>
    /// Runs a script file (axe-core) in the page the way DevTools runs code, which the page's Content-Security-Policy
    /// does not refuse; a script tag added to the page would be refused, as it carries no nonce.
    /// </summary>
    public static async Task RunScriptFileAsync(IPage page, string path)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.EvaluateAsync(await File.ReadAllTextAsync(path));
    }

    /// <summary>Where screenshots are kept as test artifacts (artifacts/screenshots at the repository root).</summary>
    public static string ArtifactPath(string fileName)
    {
        var folder = Path.Combine(Checkout.TryFindRoot() ?? Path.GetTempPath(), "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, fileName);
    }
}
