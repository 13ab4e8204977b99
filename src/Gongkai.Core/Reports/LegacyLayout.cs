namespace Gongkai.Core.Reports;

/// <summary>
/// The legacy 政府信息公开情况统计表 of the 2008–2018 reports (国办发〔2014〕32号 form; samples/xiangxi-2017.txt reproduces
/// one): blocks 一–九, one value column 统计数 and a 单位 column. Its cell keys are <c>legacy.</c> + the row key.
/// </summary>
public static class LegacyLayout
{
    public static ReportTable Table { get; } = new(
        ReportKeys.Legacy, ReportKeys.Legacy, "统计表", "政府信息公开情况统计表", null, "统计指标",
        [new ReportColumn("", "统计数")],
        [
            ReportRow.Heading("proactive", "一、主动公开情况",
                new("proactive.total", "（一）主动公开政府信息数（不同渠道和方式公开相同的信息列为1条）", [
                    Row("proactive.normative_documents", "其中：主动公开规范性文件数", "件"),
                    Row("proactive.normative_documents_issued", "制发规范性文件总数", "件"),
                ], true, "条"),
                ReportRow.Heading("proactive.by_channel", "（二）通过不同渠道和方式公开政府信息的情况",
                    Row("proactive.by_channel.gazette", "1、政府公报公开政府信息数", "条"),
                    Row("proactive.by_channel.website", "2、政府网站公开政府信息数", "条"),
                    Row("proactive.by_channel.weibo", "3、政务微博公开政府信息数", "条"),
                    Row("proactive.by_channel.wechat", "4、政务微信公开政府信息数", "条"),
                    Row("proactive.by_channel.other", "5、其他方式公开政府信息数", "条"))),
            ReportRow.Heading("response", "二、回应解读情况",
                Row("response.hot_topics", "（一）回应公众关注热点或重大舆情数（不同方式回应同一热点或舆情计1次）", "次"),
                ReportRow.Heading("response.by_channel", "（二）通过不同渠道和方式回应解读的情况",
                    new("response.by_channel.press_conferences", "1、参加或举办新闻发布会总次数",
                        [Row("response.by_channel.press_conferences.by_leaders", "其中：主要负责同志参加新闻发布会次数", "次")], true, "次"),
                    new("response.by_channel.interviews", "2、政府网站在线访谈次数",
                        [Row("response.by_channel.interviews.by_leaders", "其中：主要负责同志参加政府网站在线访谈次数", "次")], true, "次"),
                    Row("response.by_channel.interpretations", "3、政策解读稿件发布数", "篇"),
                    Row("response.by_channel.weibo_wechat", "4、微博微信回应事件数", "次"),
                    Row("response.by_channel.other", "5、其他方式回应事件数", "次"))),
            ReportRow.Heading("applications", "三、依申请公开情况",
                new("applications.received", "（一）收到申请数", [
                    Row("applications.received.in_person", "1、当面申请数", "件"),
                    Row("applications.received.fax", "2、传真申请数", "件"),
                    Row("applications.received.online", "3、网络申请数", "件"),
                    Row("applications.received.letter", "4、信函申请数", "件"),
                ], true, "件"),
                new("applications.closed", "（二）申请办结数", [
                    Row("applications.closed.on_time", "1、按时办结数", "件"),
                    Row("applications.closed.extended", "2、延期办结数", "件"),
                ], true, "件"),
                new("applications.answers", "（三）申请答复数", [
                    Row("applications.answers.already_public", "1、属于已主动公开范围数", "件"),
                    Row("applications.answers.agreed", "2、同意公开答复数", "件"),
                    Row("applications.answers.partially_agreed", "3、同意部分公开答复数", "件"),
                    new("applications.answers.refused", "4、不同意公开答复数", [
                        Row("applications.answers.refused.state_secret", "其中：涉及国家秘密", "件"),
                        Row("applications.answers.refused.trade_secret", "涉及商业秘密", "件"),
                        Row("applications.answers.refused.privacy", "涉及个人隐私", "件"),
                        Row("applications.answers.refused.security_stability", "危及国家安全、公共安全、经济安全和社会稳定", "件"),
                        Row("applications.answers.refused.not_government_information", "不是《条例》所指政府信息", "件"),
                        Row("applications.answers.refused.other_legal", "法律法规规定的其他情形", "件"),
                    ], true, "件"),
                    Row("applications.answers.not_this_agency", "5、不属于本行政机关公开数", "件"),
                    Row("applications.answers.not_exist", "6、申请信息不存在数", "件"),
                    Row("applications.answers.correction", "7、告知作出更改补充数", "件"),
                    Row("applications.answers.other_channel", "8、告知通过其他途径办理数", "件"),
                ], true, "件")),
            new("reconsideration", "四、行政复议数量", [
                Row("reconsideration.upheld", "（一）维持具体行政行为数", "件"),
                Row("reconsideration.corrected", "（二）被依法纠错数", "件"),
                Row("reconsideration.other", "（三）其他情形数", "件"),
            ], true, "件"),
            new("litigation", "五、行政诉讼数量", [
                Row("litigation.upheld", "（一）维持具体行政行为或者驳回原告诉讼请求数", "件"),
                Row("litigation.corrected", "（二）被依法纠错数", "件"),
                Row("litigation.other", "（三）其他情形数", "件"),
            ], true, "件"),
            Row("complaints", "六、举报投诉数量", "件"),
            Row("fees", "七、依申请公开信息收取的费用", "万元"),
            ReportRow.Heading("capacity", "八、机构建设和保障经费情况",
                Row("capacity.offices", "（一）政府信息公开工作专门机构数", "个"),
                Row("capacity.reading_points", "（二）设置政府信息公开查阅点数", "个"),
                new("capacity.staff", "（三）从事政府信息公开工作人员数", [
                    Row("capacity.staff.full_time", "1、专职人员数（不包括政府公报及政府网站工作人员数）", "人"),
                    Row("capacity.staff.part_time", "2、兼职人员数", "人"),
                ], true, "人"),
                Row("capacity.budget", "（四）政府信息公开专项经费（不包括用于政府公报编辑管理及政府网站建设维护等方面的经费）", "万元")),
            ReportRow.Heading("training", "九、政府信息公开会议和培训情况",
                Row("training.meetings", "（一）召开政府信息公开工作会议或专题会议数", "次"),
                Row("training.courses", "（二）举办各类培训班数", "次"),
                Row("training.trainees", "（三）接受培训人员数", "人次")),
        ]);

    private static ReportRow Row(string key, string label, string unit) => ReportRow.Cells(key, label, unit);
}
