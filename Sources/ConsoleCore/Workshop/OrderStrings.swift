import ServiceDomain

/// Strings of the money, QC and people on an order (zh-Hans, en).
public enum OrderStrings {
    public static let keyEditLine = Message(zh: "改金额", en: "Edit line")
    public static let keyAdvisor = Message(zh: "改顾问", en: "Advisor")
    public static let editLine = Message(zh: "修改项目：工时费 材料费 [工时]", en: "Edit the line: labour parts [hours]")
    public static let editLineHint = Message(zh: "金额按元，例如 380 120 1.5；Enter 保存，Esc 取消",
                                             en: "Amounts in yuan, e.g. 380 120 1.5; Enter saves, Esc cancels")
    public static let pickApproval = Message(zh: "客户如何答复？", en: "How did the customer answer?")
    public static let pickInspector = Message(zh: "谁做的质检？", en: "Who inspected?")
    public static let noInspector = Message(zh: "没有可做质检的人：需要车间主管或未参与维修的技师",
                                            en: "Nobody may inspect: a lead or a technician who did not work on the car is needed")
    public static let pickAdvisor = Message(zh: "改由哪位服务顾问负责？", en: "Which advisor owns the order?")
    public static let noAdvisors = Message(zh: "没有在岗的服务顾问", en: "No active advisors")
    public static let reworkReason = Message(zh: "返工原因（必填）", en: "Reason for the rework (required)")
    public static let overrideAll = Message(zh: "经理放行所有未完成项目：原因（必填）",
                                            en: "Override every missing item: reason (required)")
    public static let nothingToOverride = Message(zh: "没有未完成的项目", en: "Nothing is missing")
    public static let overrideNeedsReason = Message(zh: "经理放行必须填写原因", en: "An override needs a reason")
    public static let qcFailedBlocks = Message(zh: "质检不合格：返修并再次质检合格后才能交车",
                                               en: "QC failed: rework and a later passed QC before delivery")
    public static let declinedBefore = Message(zh: "上次客户拒绝的项目", en: "Declined last time")
    public static let freeOfCharge = Message(zh: "免费（所有项目均不收费）", en: "free of charge (no line is charged)")

    public static func openJobs(_ n: Int) -> Message {
        Message(zh: "在修 \(n) 项", en: n == 1 ? "1 open job" : "\(n) open jobs")
    }

    public static func lineSaved(_ description: String) -> Message {
        Message(zh: "已修改：\(description)", en: "Line changed: \(description)")
    }

    public static func advisorChanged(_ number: String, _ name: String) -> Message {
        Message(zh: "\(number) 的服务顾问改为 \(name)", en: "\(number): advisor is now \(name)")
    }

    public static func decided(_ approved: Bool, _ method: ApprovalMethod) -> Message {
        approved
            ? Message(zh: "客户已同意增项（\(method.label.zh)）", en: "Additional work approved (\(method.label.en.lowercased()))")
            : Message(zh: "客户拒绝增项（\(method.label.zh)），已作为建议保留",
                      en: "Declined (\(method.label.en.lowercased())); kept as a recommendation for next visit")
    }
}
