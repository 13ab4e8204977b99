using System.Collections.Frozen;
using System.Text;

namespace Gongkai.Core.Reports.Reading;

/// <summary>
/// Traditional → simplified for the characters annual reports use (the report vocabulary of 条例, the forms and their
/// tables, place and office names, numbers and measure words), one character for one character, plus the few words that
/// differ as words (資訊 → 信息). Each entry is a fact of the official 通用规范汉字表 pairing; a character that is also
/// a simplified character in its own right (乾, 後 in names …) is left out rather than guessed.
/// </summary>
public static class TraditionalChinese
{
    /// <summary>Pairs, traditional then simplified.</summary>
    private const string Pairs =
        "報报告告申申請请數数條条總总處处複复議议訴诉訟讼結结開开資资訊讯機机關关門门戶户網网務务發发佈布" +
        "獲获類类統统計计項项規规範范據据認认識识國国級级縣县區区鄉乡鎮镇圖图書书館馆檔档員员專专職职經经" +
        "費费萬万會会訓训練练訪访談谈聞闻場场舉举辦办應应對对輿舆熱热點点問问題题與与為为這这個个們们來来" +
        "時时間间實实現现進进處处理理決决許许罰罚強强製制額额採采購购證证庫库構构內内歸归屬属於于祕秘隱隐" +
        "護护權权險险穩稳並并從从當当傳传絡络郵邮寄寄長长補补說说維维持持糾纠錯错確确違违審审駁驳求求編编" +
        "預预算算義义務务務务達达標标準准範范圍围產产業业組组織织團团體体會会單单位位態态勢势觀观點点讓让" +
        "記记錄录邊边遞递節节續续選选擇择傳传達达參参與与動动態态黨党導导領领幹干部部轄辖區区鄉乡鎮镇縣县" +
        "廳厅辦办軍军環环境境衛卫醫医藥药療疗稅税財财務务價价錢钱銀银貸贷賬账資资產产權权營营運运輸输" +
        "鐵铁車车輛辆駕驾駛驶路路線线橋桥樓楼電电視视聽听話话訊讯號号碼码頁页欄栏錄录檢检驗验測测試试" +
        "設设備备置置計计劃划規规劃划實实施施議议決决廣广東东漢汉灣湾陽阳湯汤瀋沈濟济寧宁遼辽黃黄龍龙鳳凤" +
        "華华濱滨興兴豐丰慶庆雲云貴贵陝陕甘甘蘇苏滬沪閩闽贛赣魯鲁豫豫鄂鄂湘湘粵粤瓊琼渝渝藏藏隴陇寶宝" +
        "區区級级個个體体總总額额餘余減减増增增增長长減减數数值值與与占占較较比比約约將将過过達达僅仅" +
        "歲岁億亿萬万兩两幾几無无沒没對对錯错題题問问覆覆復复療疗養养園园聯联繫系係系鬥斗爭争戰战鬧闹" +
        "亂乱雜杂響响導导彙汇匯汇蓋盖陸陆贊赞揚扬獎奖懲惩責责負负擔担償偿賠赔償偿贈赠費费給给養养" +
        "親亲屬属託托讀读寫写畫画聲声樂乐藝艺術术學学校校師师範范課课習习題题試试卷卷紙纸張张筆笔筆笔" +
        "館馆閱阅覽览歷历史史檔档案案報报紙纸雜杂誌志稱称謂谓詞词語语譯译釋释講讲論论評评審审閱阅" +
        "務务辦办處处罰罚懲惩戒戒監监督督察察舉举報报訴诉願愿請请託托囑嘱咐咐聘聘僱雇傭佣勞劳動动" +
        "衆众眾众親亲職职稱称頭头銜衔領领袖袖導导員员幹干將将帥帅軍军師师團团營营連连排排鄰邻隊队" +
        "機机構构關关係系聯联絡络處处室室組组織织協协會会黨党團团婦妇聯联僑侨臺台灣湾澳澳門门" +
        "網网絡络頁页鏈链接接連连載载點点擊击瀏浏覽览搜搜尋寻碼码錄录檔档案案夾夹傳传輸输訊讯號号" +
        "動动態态視视頻频廣广播播電电臺台節节報报導导聞闻紀纪實实錄录彙汇編编輯辑簡简訊讯稿稿" +
        "結结轉转辦办理理延延期期答答補补正正繳缴納纳費费通通知知書书據据憑凭證证號号碼码" +
        "週周圍围邊边內内裡里裏里側侧區区塊块層层級级階阶段段點点線线麵面幅幅頻频率率質质量量" +
        "訂订購购銷销售售買买賣卖貨货幣币價价值值賺赚虧亏損损賬账單单據据錢钱財财稅税務务" +
        "齊齐專专門门頒颁發发佈布頒颁佈布廢废止止現现行行效效態态況况狀状況况進进展展績绩" +
        "縣县鄉乡鎮镇街街道道社社區区村村組组戶户籍籍證证婚婚姻姻殘残疾疾貧贫困困災灾難难險险" +
        "盡尽儘尽舊旧優优勢势爲为麼么麽么甚甚於于並并隻只祇只穀谷麥麦醫医衛卫" +
        "後后積积極极該该須须獨独調调詢询諮咨屆届絕绝雙双賦赋辭辞勵励紹绍適适擬拟鑑鉴鑒鉴則则陳陈臨临緊紧" +
        "貼贴齡龄壓压衝冲覈核綫线羣群啟启啓启牆墙彈弹顯显麗丽嚴严蘭兰邏逻讚赞鄭郑鄧邓劉刘楊杨趙赵吳吴孫孙" +
        "馬马鄒邹蕭萧葉叶羅罗謝谢韓韩馮冯蔣蒋盧卢閆闫倉仓儲储氣气農农漁渔獸兽礦矿鹽盐煙烟貿贸漲涨虛虚擴扩" +
        "惡恶厲厉廠厂歐欧聖圣莊庄滿满濕湿溫温戲戏雞鸡鳥鸟魚鱼齒齿龜龟燈灯爐炉牽牵獻献環环瑣琐癥症盤盘" +
        "監监礎础禮礼禦御種种穩稳竊窃競竞筆笔築筑簽签籤签糧粮緒绪線线緣缘縮缩繼继續续罷罢聯联聽听膽胆";

    /// <summary>Words whose simplified form differs as a word, not character by character.</summary>
    private static readonly (string Traditional, string Simplified)[] Words =
    [
        ("資訊", "信息"), ("答覆", "答复"), ("资讯", "信息"), ("網際網路", "互联网"), ("網路", "网络"), ("网路", "网络"), ("數位", "数字"),
        ("軟體", "软件"), ("软体", "软件"), ("檔案局", "档案局"),
    ];

    private static readonly FrozenDictionary<char, char> Map = BuildMap();

    public static int Count => Map.Count;

    public static string Simplify(string text)
    {
        foreach (var (traditional, simplified) in Words)
        {
            if (text.Contains(traditional, StringComparison.Ordinal))
                text = text.Replace(traditional, simplified, StringComparison.Ordinal);
        }
        StringBuilder? builder = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (!Map.TryGetValue(c, out var s))
            {
                builder?.Append(c);
                continue;
            }
            builder ??= new StringBuilder(text.Length).Append(text, 0, i);
            builder.Append(s);
        }
        return builder?.ToString() ?? text;
    }

    private static FrozenDictionary<char, char> BuildMap()
    {
        var map = new Dictionary<char, char>();
        for (var i = 0; i + 1 < Pairs.Length; i += 2)
        {
            if (Pairs[i] != Pairs[i + 1])
                map.TryAdd(Pairs[i], Pairs[i + 1]);
        }
        return map.ToFrozenDictionary();
    }
}
