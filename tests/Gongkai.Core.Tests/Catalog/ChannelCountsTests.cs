using Gongkai.Core.Catalog;

namespace Gongkai.Core.Tests.Catalog;

/// <summary>Legacy 统计表 一、主动公开情况: 「不同渠道和方式公开相同信息计1条」.</summary>
public class ChannelCountsTests
{
    [Fact]
    public void An_item_on_several_channels_should_count_once_in_the_total_and_once_per_channel()
    {
        var counts = ChannelCounts.From([
            PublicationChannels.Website | PublicationChannels.Gazette | PublicationChannels.WeChat,
            PublicationChannels.Website,
            PublicationChannels.Website | PublicationChannels.Weibo,
        ]);
        Assert.Equal(new ChannelCounts(3, 1, 3, 1, 1, 0), counts);
        Assert.True(counts.Total <= counts.SumOverChannels);
        Assert.Equal(6, counts.SumOverChannels);
    }
}
