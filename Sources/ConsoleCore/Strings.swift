import ScreenKit
import ServiceDomain

/// The string catalog: every user-facing sentence, in both languages side by side so neither can be
/// forgotten. Panels and key bindings take their text from here.
public enum Strings {
    // Shell
    public static let appName = Message(zh: "售后服务台", en: "Advisor Console")
    public static let operatorLabel = Message(zh: "操作员", en: "Operator")
    public static let tooSmall = Message(zh: "终端太小（至少需要 80x24）", en: "Terminal too small (needs 80x24)")
    public static let tooSmallNow = Message(zh: "当前", en: "now")
    public static let notUTF8 = Message(zh: "终端区域设置不是 UTF-8，中文可能无法显示；请设置 LANG=zh_CN.UTF-8",
                                        en: "The locale is not UTF-8; Chinese may not display. Set LANG=C.UTF-8 or zh_CN.UTF-8")
    public static let languageSwitched = Message(zh: "已切换为中文", en: "Language: English")
    public static let confirmQuitTitle = Message(zh: "退出？", en: "Quit?")
    public static let confirmQuitBody = Message(zh: "有未保存的输入，退出后将丢失。确定退出吗？",
                                                en: "There is unsaved input; it will be lost. Quit anyway?")
    public static let confirmQuitHint = Message(zh: "y 退出    n / Esc 返回", en: "y quit    n / Esc stay")
    public static let helpTitle = Message(zh: "快捷键", en: "Keys")
    public static let helpClose = Message(zh: "按 Esc 或 F1 关闭", en: "Esc or F1 closes")
    public static let otherTerminalChanged = Message(zh: "数据已由其他终端更新", en: "Updated from another terminal")
    /// `advisor --panel` was given a name it does not know.
    public static func unknownPanelOption(_ given: String) -> Message {
        let names = Panel.allCases.map(\.commandLineName)
        let shown = FreeText.sanitize(given)
        return Message(zh: "--panel 可选：\(names.joined(separator: "、"))（收到 '\(shown)'）",
                       en: "--panel takes \(names.joined(separator: ", ")) (got '\(shown)')")
    }

    // Panels
    public static let panelFind = Message(zh: "查找", en: "Find")
    public static let panelReception = Message(zh: "接待", en: "Reception")
    public static let panelAppointments = Message(zh: "预约", en: "Appointments")
    public static let panelWaitingBoard = Message(zh: "在修看板", en: "Waiting board")
    public static let panelDelivery = Message(zh: "交车", en: "Delivery")
    public static let panelFollowUp = Message(zh: "回访", en: "Follow-up")
    public static let panelComebacks = Message(zh: "返修", en: "Comebacks")
    public static let panelReports = Message(zh: "报表", en: "Reports")
    /// Tab names for an 80-column screen, where the full English names do not fit side by side.
    public static let panelReceptionShort = Message(zh: "接待", en: "Desk")
    public static let panelAppointmentsShort = Message(zh: "预约", en: "Appts")
    public static let panelWaitingBoardShort = Message(zh: "看板", en: "Board")
    public static let panelFollowUpShort = Message(zh: "回访", en: "Calls")

    // Find
    public static let findPrompt = Message(zh: "查找：", en: "Find: ")
    public static let findPlaceholder = Message(zh: "车牌、手机号、姓名或 VIN 片段", en: "plate, phone, name or VIN fragment")
    public static let findHint = Message(zh: "输入即查找；↑↓ 选择，Enter 打开客户卡",
                                         en: "Type to search; ↑↓ select, Enter opens the customer card")
    public static let findNoResults = Message(zh: "没有匹配的客户或车辆", en: "No matching customer or vehicle")
    public static func findResultCount(_ n: Int) -> Message {
        count(n, zh: "条结果", one: "result", other: "results")
    }
    public static let colName = Message(zh: "客户", en: "Customer")
    public static let colPhone = Message(zh: "电话", en: "Phone")
    public static let colPlate = Message(zh: "车牌", en: "Plate")
    public static let colModel = Message(zh: "车型", en: "Model")
    public static let colVIN = Message(zh: "VIN", en: "VIN")
    public static let colFlags = Message(zh: "标记", en: "Flags")
    public static let flagOutOfWarranty = Message(zh: "保外", en: "OOW")
    public static let flagUsedCar = Message(zh: "二手", en: "Used")

    // Customer card
    public static let cardTitle = Message(zh: "客户卡", en: "Customer card")
    public static let cardPhones = Message(zh: "电话", en: "Phones")
    public static let cardFlags = Message(zh: "客户类型", en: "Customer kind")
    public static let cardOutOfWarranty = Message(zh: "保外老客户", en: "Out-of-warranty owner")
    public static let cardUsedCar = Message(zh: "二手车车主", en: "Used-car owner")
    public static let cardPreferredTime = Message(zh: "方便来电时间", en: "Preferred call time")
    public static let cardNotes = Message(zh: "备注", en: "Notes")
    public static let cardVehicles = Message(zh: "车辆", en: "Vehicles")
    public static let cardMileage = Message(zh: "里程记录", en: "Mileage")
    public static let cardLastVisits = Message(zh: "最近到店", en: "Last visits")
    public static let cardNoVisits = Message(zh: "暂无到店记录", en: "No visits yet")
    public static let cardOpenComplaints = Message(zh: "未结投诉", en: "Open complaints")
    public static let cardNoVIN = Message(zh: "（未录VIN）", en: "(no VIN yet)")
    public static let cardWarrantyUntil = Message(zh: "质保至", en: "Warranty until")
    public static let cardNotFound = Message(zh: "该客户已不存在（可能被其他终端合并或删除）",
                                             en: "This customer no longer exists (merged or removed on another terminal)")

    // Key help
    public static let keyHelp = Message(zh: "帮助", en: "Help")
    public static let keyQuit = Message(zh: "退出", en: "Quit")
    public static let keyLanguage = Message(zh: "English", en: "中文")
    public static let keyBack = Message(zh: "返回", en: "Back")
    public static let keyOpen = Message(zh: "打开", en: "Open")
    public static let keyMove = Message(zh: "选择", en: "Select")
    public static let keyPanels = Message(zh: "切换面板", en: "Panels")
    public static let keyRedraw = Message(zh: "重绘", en: "Redraw")
    public static let keySuspend = Message(zh: "挂起", en: "Suspend")
    public static let keyNextPanel = Message(zh: "下一面板", en: "Next panel")
    public static let keyPrevPanel = Message(zh: "上一面板", en: "Previous panel")
    public static let keyPage = Message(zh: "翻页", en: "Page")
    public static let keyEdit = Message(zh: "编辑查找词", en: "Edit the search")
    public static let keyClear = Message(zh: "清空", en: "Clear")
    public static let auditTitle = Message(zh: "操作记录（谁在何时改了什么）", en: "Audit trail (who changed what, when)")
    public static let keyAudit = Message(zh: "操作记录", en: "Audit trail")
    public static let keyNewComplaint = Message(zh: "登记投诉", en: "New complaint")
    public static func overdueComplaints(_ n: Int) -> Message {
        count(n, zh: "投诉超时", one: "overdue complaint", other: "overdue complaints")
    }

    /// "3 条结果" / "1 result" / "2 results": Chinese has no plural, English has two forms.
    public static func count(_ n: Int, zh: String, one: String, other: String) -> Message {
        Message(zh: "\(n) \(zh)", en: "\(n) \(n == 1 ? one : other)")
    }

    /// What the marks and colours on the panels mean, for the help overlay; each sample is drawn
    /// in its own style so the legend matches whatever theme is in use.
    public static let legend: [(sample: String, role: StyleRole, text: Message)] = [
        ("★", .normal, Message(zh: "看板：客户在店等候；客户卡：客户类型；派工：技师星级",
                               en: "Board: waits in the shop; card: customer kind; picker: skill")),
        ("*", .normal, Message(zh: "承诺时间后的 *：已告知客户延误", en: "* after a promised time: delay told to the customer")),
        ("■", "ro.onTrack", Message(zh: "绿色：按时 / 已完成", en: "Green: on track / done")),
        ("■", "ro.atRisk", Message(zh: "黄色：有风险、待处理", en: "Yellow: at risk / needs attention")),
        ("■", "ro.overdue", Message(zh: "红色：已超时 / 错误", en: "Red: late / overdue / error")),
        ("■", "customer.loyal", Message(zh: "紫色：客户类型（保外、二手车）", en: "Magenta: customer kind (out of warranty, used car)")),
        ("abc", .selection, Message(zh: "高亮的预填值：输入即替换", en: "Highlighted prefilled value: typing replaces it")),
    ]

    // Errors
    public static let searchFailed = Message(zh: "查找失败", en: "Search failed")
    public static let loadFailed = Message(zh: "读取失败", en: "Could not load")

    // Store work that failed without a message of its own (panels' effects).
    public static func changeFailed(_ reason: String) -> Message {
        Message(zh: "操作失败：\(reason)", en: "The change failed: \(reason)")
    }
    /// An error's own text, the same in both languages (no translation exists for it).
    public static func untranslated(_ error: any Error) -> Message { Message(zh: "\(error)", en: "\(error)") }
}
