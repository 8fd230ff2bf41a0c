import ServiceDomain

/// The comebacks and reports panels' strings.
public enum InsightsStrings {
    public static let loading = Message(zh: "正在读取…", en: "Loading…")
    public static let emptyComebacks = Message(zh: "没有待确认或近期处理的返修", en: "No comeback candidates or recent decisions")
    public static let noSelection = Message(zh: "请先选择一条返修记录", en: "Select a comeback first")
    public static let alreadyDecided = Message(zh: "该记录已处理", en: "This one is already decided")
    public static let keyConfirm = Message(zh: "确认返修", en: "Confirm")
    public static let keyDismiss = Message(zh: "排除", en: "Dismiss")
    public static let keySearch = Message(zh: "查找返修", en: "Search")
    public static let keyDay = Message(zh: "日", en: "Day")
    public static let keyWeek = Message(zh: "周", en: "Week")
    public static let keyMonth = Message(zh: "月", en: "Month")
    public static let keyCustom = Message(zh: "自定义", en: "Custom")
    public static let keyShift = Message(zh: "前后", en: "Prev/next")
    public static let keyTable = Message(zh: "切换表", en: "Table")
    public static let keyExport = Message(zh: "导出CSV", en: "Export CSV")
    public static let pickCause = Message(zh: "返修原因", en: "Root cause")
    public static let pickTechnician = Message(zh: "责任技师", en: "Responsible technician")
    public static let dismissTitle = Message(zh: "排除原因", en: "Reason to dismiss")
    public static let pickerHint = Message(zh: "↑↓ 选择  Enter 确定  Esc 取消", en: "↑↓ choose  Enter OK  Esc cancel")
    public static let promptHint = Message(zh: "Enter 保存  Esc 取消", en: "Enter saves  Esc cancels")
    public static let customTitle = Message(zh: "自定义期间", en: "Custom period")
    public static let customHint = Message(zh: "如 2026-11、2026-11-22 或 2026-11-01..2026-11-15",
                                           en: "e.g. 2026-11, 2026-11-22 or 2026-11-01..2026-11-15")
    public static let badPeriod = Message(zh: "期间：请输入 2026-11、2026-11-22 或 2026-11-01..2026-11-15 这样的格式。",
                                          en: "Period: type 2026-11, 2026-11-22 or 2026-11-01..2026-11-15.")
    public static let colStatus = Message(zh: "状态", en: "Status")
    public static let colVehicle = Message(zh: "车辆", en: "Vehicle")
    public static let colEarlier = Message(zh: "上次工单", en: "Earlier RO")
    /// Heads a five-column date: "Out" (the car went out) fits where "Delivered" would be cut.
    public static let colDelivered = Message(zh: "交车", en: "Out")
    public static let colLater = Message(zh: "本次工单", en: "Later RO")
    public static let colConcern = Message(zh: "故障", en: "Concern")
    public static let colSource = Message(zh: "来源", en: "Source")
    public static let notBack = Message(zh: "未返厂", en: "not back")
    public static let period = Message(zh: "期间", en: "Period")
    public static let trend = Message(zh: "一次修复率月度趋势", en: "FTFR monthly trend")
    public static let confirmed = Message(zh: "已确认返修", en: "Comeback confirmed")
    public static let dismissed = Message(zh: "已排除", en: "Comeback dismissed")

    public static func searched(_ added: Int) -> Message {
        added == 0 ? Message(zh: "没有发现新的返修候选", en: "No new comeback candidates found")
            : Message(zh: "发现 \(added) 条新的返修候选", en: "\(added) new comeback candidate(s) found")
    }

    public static func exported(_ files: Int, folder: String) -> Message {
        Message(zh: "已导出 \(files) 个CSV文件到 \(folder)", en: "Exported \(files) CSV files to \(folder)")
    }

    /// "三包: 在厂 12 天 · 制动 3 次" and the warnings.
    public static func counters(_ c: WarrantyCounters, _ language: Language) -> String {
        let repeats = c.repairsByCategory.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key.rawValue < $1.key.rawValue }
            .prefix(3).map { "\($0.key.label.text(language)) \($0.value)" }.joined(separator: " ")
        var text = language == .zhHans ? "三包：在厂 \(c.daysInWorkshop) 天 · 同一问题维修 \(repeats.isEmpty ? "0" : repeats)"
            : "Warranty: \(c.daysInWorkshop) \(c.daysInWorkshop == 1 ? "day" : "days") in workshop · repairs per problem \(repeats.isEmpty ? "0" : repeats)"
        if c.daysWarning { text += language == .zhHans ? " ⚠在厂天数超限" : " ⚠ days over limit" }
        if !c.repeatedCategories.isEmpty { text += language == .zhHans ? " ⚠同一问题维修次数超限" : " ⚠ same-problem repairs over limit" }
        if !c.escalateCategories.isEmpty {
            let cats = c.escalateCategories.map { $0.label.text(language) }.joined(separator: "、")
            text += language == .zhHans ? " ⚠需升级处理（\(cats)已返修两次）" : " ⚠ escalate (\(cats) failed twice)"
        }
        return text
    }

    // Comebacks (F8).
    public static func waitingCount(_ n: Int) -> Message { Message(zh: "待确认 \(n)", en: "\(n) waiting") }
    public static let ftfrShort = Message(zh: "一次修复率", en: "FTFR")
    public static let technicians = Message(zh: "技师: ", en: "Technicians: ")
    public static func warrantyWindow(days: Int, kilometres: Int) -> Message {
        Message(zh: "（保修期 \(days) 天/\(kilometres) km）", en: " (window \(days) d/\(kilometres) km)")
    }
    public static func pickTechnician(for cause: RootCause) -> Message {
        Message(zh: "\(pickTechnician.zh)（\(cause.label.zh)）", en: "\(pickTechnician.en) (\(cause.label.en))")
    }

    // Reports (F9).
    /// Short tile labels, in the order of `ReportTables.kpis`.
    public static let tileLabels: [Message] = [
        Message(zh: "一次修复率", en: "FTFR"), Message(zh: "返修率", en: "Comebacks"),
        Message(zh: "24h回访", en: "24h calls"), Message(zh: "平均满意度", en: "Avg score"),
        Message(zh: "9–10分占比", en: "Share 9–10"), Message(zh: "按时交车", en: "On time"),
        Message(zh: "在厂小时", en: "Hours in"), Message(zh: "预约占比", en: "Appt share"),
        Message(zh: "爽约率", en: "No-shows"), Message(zh: "投诉首联h", en: "1st contact h"),
        Message(zh: "投诉解决h", en: "Resolved h"),
    ]
    public static func periodKind(_ kind: ReportPeriod.Kind) -> Message {
        switch kind {
        case .day: Message(zh: "日", en: "day")
        case .week: Message(zh: "周", en: "week")
        case .month: Message(zh: "月", en: "month")
        case .custom: Message(zh: "自定义", en: "custom")
        }
    }
    public static let noVisitsInPeriod = Message(zh: "本期无维修", en: "No repair visits in the period")
}
