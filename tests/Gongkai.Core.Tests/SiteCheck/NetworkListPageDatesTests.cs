using Gongkai.Core.SiteCheck;

namespace Gongkai.Core.Tests.SiteCheck;

/// <summary>The dates a column's list page shows, as the freshness check reads them: every usual form, no footer years, no future dates.</summary>
public class NetworkListPageDatesTests
{
    private static readonly DateOnly Today = new(2024, 5, 20);

    private static string Real(string file) =>
        string.Join('\n', File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "SiteCheck", "NetworkReal", file)).Skip(1));

    [Theory]
    [InlineData("关于开展春季安全检查的通知 2024-05-06", 2024, 5, 6)]
    [InlineData("关于开展春季安全检查的通知 2024-5-6", 2024, 5, 6)]
    [InlineData("关于开展春季安全检查的通知 2024年5月6日", 2024, 5, 6)]
    [InlineData("关于开展春季安全检查的通知 2024 年 05 月 06 日", 2024, 5, 6)]
    [InlineData("关于开展春季安全检查的通知 2024/05/06", 2024, 5, 6)]
    [InlineData("关于开展春季安全检查的通知 2024.05.06", 2024, 5, 6)]
    [InlineData("[2024-05-06] 关于开展春季安全检查的通知", 2024, 5, 6)]
    [InlineData("关于开展春季安全检查的通知（2024-05-06）", 2024, 5, 6)]
    public void Every_usual_form_of_a_date_should_be_read(string text, int y, int m, int d)
    {
        var reading = ListPageDates.Read(text, Today);

        Assert.Equal(new DateOnly(y, m, d), reading.Newest);
        Assert.Equal(1, reading.Count);
    }

    [Fact]
    public void The_newest_of_a_lists_dates_should_be_found_whatever_their_order()
    {
        var page = """
            通知公告
            · 关于2024年端午节放假安排的通知 [2024-05-10]
            · 关于征集民生实事项目的公告 [2024-05-16]
            · 关于开展安全生产检查的通知 [2024-04-28]
            共3条 第1页
            版权所有：青岚市人民政府办公室 2019-2024  网站标识码：3701000001
            """;

        var reading = ListPageDates.Read(page, Today);

        Assert.Equal(new DateOnly(2024, 5, 16), reading.Newest);
        Assert.Equal(3, reading.Count);
    }

    [Theory]
    [InlineData("版权所有 © 2019-2024 青岚市人民政府")]
    [InlineData("Copyright 2008-2024 All Rights Reserved")]
    [InlineData("备案号：京ICP备05070218号 网站标识码 1100000088 电话 0933-8212054")]
    [InlineData("索引号 20191202-189769 文号 齐政办发〔2019〕29号")]
    [InlineData("2024-13-01 2024-02-30 2024年2月30日")]
    public void Years_numbers_and_impossible_dates_should_not_count_as_items(string text)
    {
        var reading = ListPageDates.Read(text, Today);

        Assert.Null(reading.Newest);
        Assert.Equal(0, reading.Count);
    }

    [Fact]
    public void A_date_after_tomorrow_should_not_make_a_column_fresh()
    {
        var reading = ListPageDates.Read("关于 2024-05-01 的通知\n预告：2024-06-30 召开会议\n明日：2024-05-21", Today);

        Assert.Equal(new DateOnly(2024, 5, 21), reading.Newest);
        Assert.Equal(2, reading.Count);
    }

    [Theory]
    [InlineData("今天是：2024年5月20日 星期一   通知公告  关于开展检查的通知 2024-03-01")]
    [InlineData("2024年05月20日 星期一 | 无障碍 | 长者模式  通知公告  关于开展检查的通知 2024-03-01")]
    public void The_clock_a_page_prints_in_its_header_should_not_count(string text)
    {
        var reading = ListPageDates.Read(text, Today);

        Assert.Equal(new DateOnly(2024, 3, 1), reading.Newest);
        Assert.Equal(1, reading.Count);
    }

    [Fact]
    public void A_page_that_says_it_has_nothing_should_be_told_from_one_without_dates()
    {
        var empty = ListPageDates.Read("通知公告\n暂无信息\n版权所有 2019-2024", Today);
        var undated = ListPageDates.Read("通知公告\n· 关于开展安全生产检查的通知\n· 关于征集民生实事项目的公告", Today);

        Assert.True(empty.SaysEmpty);
        Assert.Null(empty.Newest);
        Assert.False(undated.SaysEmpty);
        Assert.Null(undated.Newest);
        Assert.Equal(0, undated.Count);
    }

    [Fact]
    public void A_staff_pattern_should_read_its_match_or_its_date_group()
    {
        var page = "发布：20240512 关于…的通知  发布：20240430 关于…的公告  版权所有 2024-05-19";

        var whole = ListPageDates.Read(page, Today, @"\d{8}");
        var group = ListPageDates.Read(page, Today, @"发布：(?<date>\d{8})");

        Assert.Equal(new DateOnly(2024, 5, 12), whole.Newest);
        Assert.Equal(2, whole.Count);
        Assert.Equal(new DateOnly(2024, 5, 12), group.Newest);
        Assert.Equal(2, group.Count);
    }

    [Fact]
    public void A_broken_staff_pattern_should_be_explained_in_chinese()
    {
        Assert.Null(ListPageDates.CheckPattern(""));
        Assert.Null(ListPageDates.CheckPattern(@"(?<date>\d{4}-\d\d-\d\d)"));
        Assert.StartsWith("日期规则不是有效的正则表达式", ListPageDates.CheckPattern("(unclosed"));
        Assert.ThrowsAny<ArgumentException>(() => ListPageDates.Read("x", Today, "(unclosed"));
    }

    [Fact]
    public void A_real_list_of_laws_should_give_its_newest_row_date_and_count_every_date()
    {
        var reading = ListPageDates.Read(Real("law-list-page.txt"), Today);

        Assert.Equal(new DateOnly(2021, 9, 6), reading.Newest);
        Assert.Equal(8, reading.Count); // four rows, each with its date and the date in its title
    }

    [Fact]
    public void A_real_government_document_page_should_give_its_upload_date_and_not_its_index_number()
    {
        var reading = ListPageDates.Read(Real("qqhr-document-page.txt"), Today);

        Assert.Equal(new DateOnly(2019, 12, 2), reading.Newest);
        Assert.Equal(3, reading.Count); // 发文日期, 上载日期, the signature's date
    }

    [Fact]
    public void A_real_news_page_should_give_its_dated_time_and_not_a_day_without_a_year()
    {
        var reading = ListPageDates.Read(Real("thnews-news-page.txt"), new DateOnly(2026, 2, 10));

        Assert.Equal(new DateOnly(2026, 2, 3), reading.Newest);
        Assert.Equal(1, reading.Count);
    }

    [Fact]
    public void A_real_page_read_before_its_date_should_not_count_the_future_date()
    {
        var reading = ListPageDates.Read(Real("thnews-news-page.txt"), new DateOnly(2026, 1, 20));

        Assert.Null(reading.Newest);
        Assert.Equal(0, reading.Count);
    }
}
