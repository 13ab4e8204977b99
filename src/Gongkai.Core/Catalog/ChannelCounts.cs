namespace Gongkai.Core.Catalog;

/// <summary>
/// Publication counts per channel for the legacy 统计表 (一、主动公开情况): each channel counts the items that went out
/// on it, and the total counts each item once, however many channels it used (「不同渠道和方式公开相同信息计1条」),
/// so the total never exceeds the sum over channels.
/// </summary>
public sealed record ChannelCounts(int Total, int Gazette, int Website, int Weibo, int WeChat, int Other)
{
    public static ChannelCounts From(IEnumerable<PublicationChannels> items)
    {
        int total = 0, gazette = 0, website = 0, weibo = 0, wechat = 0, other = 0;
        foreach (var c in items)
        {
            total++;
            gazette += c.HasFlag(PublicationChannels.Gazette) ? 1 : 0;
            website += c.HasFlag(PublicationChannels.Website) ? 1 : 0;
            weibo += c.HasFlag(PublicationChannels.Weibo) ? 1 : 0;
            wechat += c.HasFlag(PublicationChannels.WeChat) ? 1 : 0;
            other += c.HasFlag(PublicationChannels.Other) ? 1 : 0;
        }
        return new ChannelCounts(total, gazette, website, weibo, wechat, other);
    }

    public int SumOverChannels => Gazette + Website + Weibo + WeChat + Other;
}
