using System.Text.Json.Nodes;
using ConversationHub.Bot.Line.Delivery;

namespace ConversationHub.Host.Tests.Line;

public sealed class LineMessageMapperTests
{
    private const string Site = "https://faq.city.example";

    [Fact]
    public void Map_SuggestedActions_QuickReplyItemsWithShortLabels()
    {
        var activity = Message("**答え**", ("はい", "はい", "imBack"), ("住民票の写しを代理人が請求するときに必要なものは何ですか", "住民票の写しを代理人が請求するときに必要なものは何ですか", "imBack"),
            ("担当者へ", "handoff=1", "postBack"), ("サイトで見る", "/faq/9", "openUrl"));

        var message = LineMessageMapper.Map(activity, 1000, Site, "続き")!;

        Assert.Equal("答え", message.Text);
        var items = message.QuickReply!.Items;
        Assert.Equal(4, items.Count);
        Assert.All(items, i => Assert.True(i.Action.Label.Length <= LineMessageMapper.MaxLabelLength));
        Assert.Equal(("message", "はい"), (items[0].Action.Type, items[0].Action.Text));
        Assert.Equal("住民票の写しを代理人が請求するときに必要なものは何ですか", items[1].Action.Text);
        Assert.EndsWith("…", items[1].Action.Label, StringComparison.Ordinal);
        Assert.Equal(("postback", "handoff=1", "担当者へ"), (items[2].Action.Type, items[2].Action.Data, items[2].Action.DisplayText));
        Assert.Equal(("uri", "https://faq.city.example/faq/9?utm_source=line"), (items[3].Action.Type, items[3].Action.Uri));
    }

    [Fact]
    public void Map_MoreThanThirteenActions_ThirteenItems()
    {
        var actions = Enumerable.Range(1, 20).Select(i => ($"q{i}", $"q{i}", "imBack")).ToArray();

        var message = LineMessageMapper.Map(Message("choose", actions), 1000, Site, "続き")!;

        Assert.Equal(LineMessageMapper.MaxQuickReplyItems, message.QuickReply!.Items.Count);
    }

    [Fact]
    public void Map_TypingAndEvents_Null()
    {
        Assert.Null(LineMessageMapper.Map("""{"type":"typing"}""", 1000, Site, "続き"));
        Assert.Null(LineMessageMapper.Map("""{"type":"event","name":"handoff.initiate"}""", 1000, Site, "続き"));
        Assert.Null(LineMessageMapper.Map("""{"type":"message","text":""}""", 1000, Site, "続き"));
    }

    [Fact]
    public void Map_PlainText_NotParsedAsMarkdown()
    {
        var message = LineMessageMapper.Map("""{"type":"message","textFormat":"plain","text":"*そのまま* 1. です"}""", 1000, Site, "続き")!;

        Assert.Equal("*そのまま* 1. です", message.Text);
        Assert.Null(message.QuickReply);
    }

    private static string Message(string text, params (string Title, string Value, string Type)[] actions) => new JsonObject
    {
        ["type"] = "message",
        ["textFormat"] = "markdown",
        ["text"] = text,
        ["suggestedActions"] = new JsonObject
        {
            ["actions"] = new JsonArray(actions.Select(a => (JsonNode)new JsonObject { ["type"] = a.Type, ["title"] = a.Title, ["value"] = a.Value }).ToArray()),
        },
    }.ToJsonString();
}
