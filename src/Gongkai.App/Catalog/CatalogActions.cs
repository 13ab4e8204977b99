namespace Gongkai.App.Catalog;

/// <summary>The actions a catalog item's log records, as staff read them, and the wording of the late-publication note.</summary>
public static class CatalogActions
{
    public const string Drafted = "起草";
    public const string Edited = "修改";
    public const string Submitted = "提交审核";
    public const string Returned = "退回修改";
    public const string Published = "发布";
    public const string PersonalDataExplained = "个人信息核查说明";
    public const string ActiveContentConfirmed = "附件脚本核实";
    public const string BodySanitized = "正文清理";
    public const string Revoked = "废止";
    public const string Withdrawn = "撤下";
    public const string Imported = "导入";
    public const string AttachmentAdded = "添加附件";
    public const string AttachmentRemoved = "删除附件";
    public const string InterpretationWaived = "不解读说明";
    public const string Revised = "修订";

    /// <summary>The note on a publication that came after the 第二十六条 deadline; empty when on time.</summary>
    public static string LateNote(int workingDaysLate) => workingDaysLate > 0
        ? $"超过第二十六条规定的 {Core.Catalog.PublicationDeadline.WorkingDays} 个工作日公开期限 {workingDaysLate} 个工作日。" : "";
}
