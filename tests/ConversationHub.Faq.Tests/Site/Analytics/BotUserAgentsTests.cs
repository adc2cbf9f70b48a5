using ConversationHub.Faq.Site.Analytics;

namespace ConversationHub.Faq.Tests.Site.Analytics;

public sealed class BotUserAgentsTests
{
    [Theory]
    [InlineData("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")]
    [InlineData("Mozilla/5.0 (compatible; Yahoo! Slurp; http://help.yahoo.com/help/us/ysearch/slurp)")]
    [InlineData("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.0.0 Safari/537.36")]
    [InlineData("Baiduspider+(+http://www.baidu.com/search/spider.htm)")]
    [InlineData("curl/8.5.0")]
    [InlineData("")]
    [InlineData(null)]
    public void IsBot_CrawlersAndScripts_True(string? userAgent) => Assert.True(BotUserAgents.IsBot(userAgent));

    [Theory]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1")]
    [InlineData("Mozilla/5.0 (Linux; Android 14; SH-51E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36")]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0")]
    public void IsBot_Browsers_False(string userAgent) => Assert.False(BotUserAgents.IsBot(userAgent));
}
