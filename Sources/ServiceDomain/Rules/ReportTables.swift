import Foundation

/// A table of the reports, as plain text cells: what the panel shows, the CSV export writes and
/// `advisor report` prints.
public struct ReportTable: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case kpis, technicians, advisors, categories, months
    }

    public var kind: Kind
    public var title: Message
    public var header: [String]
    public var rows: [[String]]
    /// Per row, whether the figure misses the shop's target (tiles only; drawn as a warning).
    public var missesTarget: [Bool]

    public init(kind: Kind, title: Message, header: [String], rows: [[String]], missesTarget: [Bool] = []) {
        self.kind = kind
        self.title = title
        self.header = header
        self.rows = rows
        self.missesTarget = missesTarget
    }

    /// RFC 4180 CSV; cells a spreadsheet would run as a formula get a leading apostrophe.
    public func csv() -> String {
        ([header] + rows).map { $0.map(Self.csvCell).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    static func csvCell(_ raw: String) -> String {
        var text = FreeText.sanitize(raw)
        if let first = text.first, "=+-@".contains(first), Double(text) == nil { text = "'" + text }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// Builds the report tables from a `KPIReport`.
public enum ReportTables {
    public static func percent(_ value: Double?) -> String {
        value.map { String(format: "%.1f%%", $0 * 100) } ?? "—"
    }

    static func number(_ value: Double?, digits: Int = 1) -> String {
        value.map { String(format: "%.\(digits)f", $0) } ?? "—"
    }

    /// The KPI tiles: name, value, target, sample size; `missesTarget` per row.
    public static func kpis(_ r: KPIReport, targets t: KPITargets, language: Language) -> ReportTable {
        func m(_ zh: String, _ en: String) -> String { Message(zh: zh, en: en).text(language) }
        let f = r.followUp
        // (name, value, shown value, target, shown target, higher is better, sample)
        let items: [(String, Double?, String, String, Bool, Double, Int)] = [
            (m("一次修复率", "First-time fix"), r.ftfr.overall.firstTimeFixRate, percent(r.ftfr.overall.firstTimeFixRate),
             "≥ " + percent(t.firstTimeFixRate), true, t.firstTimeFixRate, r.ftfr.overall.visits),
            (m("返修率", "Comeback rate"), r.ftfr.overall.comebackRate, percent(r.ftfr.overall.comebackRate),
             "≤ " + percent(t.comebackRate), false, t.comebackRate, r.ftfr.overall.visits),
            (m("24小时回访完成率", "24-hour callbacks done"), r.callbackCompletionRate, percent(r.callbackCompletionRate),
             "≥ " + percent(t.callbackCompletion), true, t.callbackCompletion, f.callbacksDue),
            (m("平均满意度", "Average satisfaction"), f.averageScore, number(f.averageScore),
             "≥ " + number(t.averageSatisfaction), true, t.averageSatisfaction, f.scores.values.reduce(0, +)),
            (m("9–10分占比", "Share 9–10"), f.topBoxShare, percent(f.topBoxShare), "≥ " + percent(t.topBoxShare), true,
             t.topBoxShare, f.scores.values.reduce(0, +)),
            (m("按时交车率", "On-time delivery"), r.onTimeDeliveryRate, percent(r.onTimeDeliveryRate),
             "≥ " + percent(t.onTimeDelivery), true, t.onTimeDelivery, r.delivered),
            (m("平均在厂时间(小时)", "Avg hours in workshop"), r.averageHoursInWorkshop, number(r.averageHoursInWorkshop),
             "≤ " + number(t.averageHoursInWorkshop), false, t.averageHoursInWorkshop, r.delivered),
            (m("预约进厂占比", "Appointment share"), r.appointmentShare, percent(r.appointmentShare),
             "≥ " + percent(t.appointmentShare), true, t.appointmentShare, r.ordersOpened),
            (m("预约爽约率", "No-show rate"), r.noShowRate, percent(r.noShowRate), "≤ " + percent(t.noShowRate), false,
             t.noShowRate, r.appointmentsConcluded),
            (m("投诉首次联系(小时,中位)", "Complaint first contact (h, median)"), f.medianFirstContactHours,
             number(f.medianFirstContactHours), "≤ " + number(t.firstContactHours), false, t.firstContactHours,
             f.complaintsByCategory.values.reduce(0, +)),
            (m("投诉解决(小时,中位)", "Complaint resolution (h, median)"), f.medianResolutionHours,
             number(f.medianResolutionHours), "≤ " + number(t.resolutionHours), false, t.resolutionHours,
             f.complaintsByCategory.values.reduce(0, +)),
        ]
        return ReportTable(
            kind: .kpis, title: Message(zh: "关键指标", en: "KPIs"),
            header: [m("指标", "KPI"), m("数值", "Value"), m("目标", "Target"), m("样本", "Sample")],
            rows: items.map { [$0.0, $0.2, $0.3, String($0.6)] },
            missesTarget: items.map { item in
                guard let v = item.1 else { return false }
                return item.4 ? v < item.5 : v > item.5
            })
    }

    /// FTFR and comeback rate per technician / advisor / category / month, most visits first (months in order).
    public static func rates(_ kind: ReportTable.Kind, _ r: KPIReport, names: [RowID: String],
                             language: Language) -> ReportTable {
        func m(_ zh: String, _ en: String) -> String { Message(zh: zh, en: en).text(language) }
        let unknown = m("未知", "unknown")
        let keyed: [(String, RateRow)]
        let title: Message
        let first: String
        switch kind {
        case .technicians, .kpis:
            keyed = r.ftfr.byTechnician.map { (names[$0.key] ?? "\(unknown) #\($0.key)", $0.value) }
            title = Message(zh: "按技师", en: "By technician")
            first = m("技师", "Technician")
        case .advisors:
            keyed = r.ftfr.byAdvisor.map { (names[$0.key] ?? "\(unknown) #\($0.key)", $0.value) }
            title = Message(zh: "按服务顾问", en: "By advisor")
            first = m("服务顾问", "Advisor")
        case .categories:
            keyed = r.ftfr.byCategory.map { ($0.key.label.text(language), $0.value) }
            title = Message(zh: "按故障类别", en: "By category")
            first = m("类别", "Category")
        case .months:
            keyed = r.trend.map { ($0.key, $0) }
            title = Message(zh: "月度趋势", en: "Monthly trend")
            first = m("月份", "Month")
        }
        let sorted = kind == .months ? keyed
            : keyed.sorted { $0.1.visits != $1.1.visits ? $0.1.visits > $1.1.visits : $0.0 < $1.0 }
        return ReportTable(
            kind: kind, title: title,
            header: [first, m("维修台次", "Visits"), m("返修", "Comebacks"), m("一次修复率", "FTFR"), m("返修率", "Comeback rate")],
            rows: sorted.map { [$0.0, String($0.1.visits), String($0.1.comebacks), percent($0.1.firstTimeFixRate),
                                percent($0.1.comebackRate)] })
    }

    /// Every table of the report, in the order the panel and the command show them.
    public static func all(_ r: KPIReport, targets: KPITargets, names: [RowID: String], language: Language) -> [ReportTable] {
        [kpis(r, targets: targets, language: language)]
            + [ReportTable.Kind.technicians, .advisors, .categories, .months].map { rates($0, r, names: names, language: language) }
    }

    /// Aligned plain text, one table after another, with a bar per month for the trend.
    public static func text(_ tables: [ReportTable], period: String, language: Language) -> String {
        var out = "\(Message(zh: "报表", en: "Report").text(language)) \(period)\n"
        for t in tables {
            out += "\n== \(t.title.text(language)) ==\n"
            let all = [t.header] + t.rows.map { $0.map(FreeText.sanitize) }
            let widths = t.header.indices.map { i in all.map { $0[i].displayWidthForReport }.max() ?? 0 }
            for (n, row) in all.enumerated() {
                let cells = row.enumerated().map { i, cell in
                    let pad = String(repeating: " ", count: max(0, widths[i] - cell.displayWidthForReport))
                    return i == 0 ? cell + pad : pad + cell
                }
                var line = cells.joined(separator: "  ")
                if t.kind == .kpis, n > 0, t.missesTarget.indices.contains(n - 1), t.missesTarget[n - 1] { line += "  !" }
                if t.kind == .months, n > 0, let rate = Double(row[3].dropLast()) {
                    line += "  " + String(repeating: "#", count: Int((rate / 100 * 20).rounded()))
                }
                out += line + "\n"
            }
        }
        return out
    }
}

extension String {
    /// Terminal columns: CJK and other wide characters take two (enough for report alignment).
    var displayWidthForReport: Int {
        unicodeScalars.reduce(0) { width, scalar in
            let v = scalar.value
            let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
                || (0xFFE0...0xFFE6).contains(v)
            return width + (wide ? 2 : (scalar.properties.generalCategory == .nonspacingMark ? 0 : 1))
        }
    }
}
