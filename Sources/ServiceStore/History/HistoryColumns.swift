import Foundation
import ServiceDomain

/// The columns of a repair-order history file (`advisor import-history`) and of its optional lines file,
/// with the Chinese names old systems export, and the words their cells may hold.
enum HistoryCSV {
    static let orderColumns = ["ro_number", "opened_at", "closed_at", "promised_at", "status", "plate", "vin", "phone",
                               "customer_name", "model", "mileage_km", "service_type", "repair_class", "concern",
                               "category", "advisor", "technician", "labour_amount", "parts_amount"]
    static let lineColumns = ["ro_number", "kind", "description", "hours", "part_number", "quantity", "amount"]

    static let aliases: [String: String] = [
        "工单号": "ro_number", "单号": "ro_number", "原工单号": "ro_number", "维修单号": "ro_number",
        "开单时间": "opened_at", "进厂时间": "opened_at", "接车时间": "opened_at",
        "结算时间": "closed_at", "交车时间": "closed_at", "完工时间": "closed_at", "关单时间": "closed_at",
        "预计交车时间": "promised_at", "承诺交车时间": "promised_at", "预交车时间": "promised_at",
        "状态": "status", "工单状态": "status",
        "车牌": "plate", "车牌号": "plate", "车架号": "vin", "vin码": "vin",
        "电话": "phone", "手机": "phone", "联系电话": "phone",
        "客户姓名": "customer_name", "客户": "customer_name", "姓名": "customer_name", "车主": "customer_name",
        "车型": "model", "里程": "mileage_km", "进厂里程": "mileage_km", "行驶里程": "mileage_km",
        "服务类型": "service_type", "业务类型": "service_type", "维修类型": "service_type",
        "维修类别": "repair_class", "客户描述": "concern", "故障描述": "concern", "客户陈述": "concern",
        "类别": "category", "故障类别": "category",
        "服务顾问": "advisor", "接待": "advisor", "接待员": "advisor", "技师": "technician", "维修技师": "technician",
        "工时费": "labour_amount", "材料费": "parts_amount", "配件费": "parts_amount",
        // The lines file.
        "类型": "kind", "项目类型": "kind", "项目": "description", "描述": "description", "名称": "description",
        "工时": "hours", "配件号": "part_number", "零件号": "part_number", "数量": "quantity", "金额": "amount",
    ]

    static let chineseNames = "工单号, 开单时间, 结算时间, 预计交车时间, 状态, 车牌, 车架号, 电话, 客户姓名, 车型, 里程, "
        + "服务类型, 维修类别, 客户描述, 类别, 服务顾问, 技师, 工时费, 材料费"

    /// The canonical name of a typed header cell among `known`, or nil.
    static func canonical(_ typed: String, known: [String]) -> String? {
        let key = FreeText.sanitize(typed).lowercased().replacingOccurrences(of: " ", with: "_")
        if known.contains(key) { return key }
        if let alias = aliases[key] ?? aliases[FreeText.sanitize(typed)], known.contains(alias) { return alias }
        return nil
    }

    // MARK: Cells

    static func status(_ text: String) throws -> ROStage {
        switch FreeText.sanitize(text).lowercased().replacingOccurrences(of: "_", with: " ") {
        case "closed", "delivered", "done", "已结算", "结算", "已交车", "交车", "完工", "已完工", "关闭", "已关闭": return .delivered
        case "cancelled", "canceled", "已取消", "取消", "作废", "已作废": return .cancelled
        case "open", "opened", "checked in", "开单", "已开单", "待派工", "未结算", "接车": return .checkedIn
        case "in progress", "in work", "维修中", "在修", "施工中", "派工": return .inProgress
        case "waiting parts", "waiting for parts", "待料", "等料", "等待配件", "缺件": return .waitingParts
        default:
            throw ValidationError(field: .other, message: Message(
                zh: "状态应为 已结算、已取消、开单、维修中 或 待料（closed、cancelled、open、in progress、waiting parts），现在是“\(CustomerCSVReader.echo(text))”",
                en: "Status is closed, cancelled, open, in progress or waiting parts (已结算, 已取消, 开单, 维修中, 待料), "
                    + "not \"\(CustomerCSVReader.echo(text))\""))
        }
    }

    static func serviceType(_ text: String) throws -> ServiceType? {
        let clean = FreeText.sanitize(text).lowercased()
        if clean.isEmpty { return nil }
        if let type = ServiceType(rawValue: clean) { return type }
        switch clean {
        case "保养", "维护", "首保", "定保": return .maintenance
        case "维修", "一般维修", "机修", "修理": return .repair
        case "保修", "索赔", "三包": return .warranty
        case "事故", "事故车", "钣喷", "钣金喷漆", "理赔": return .accident
        case "召回": return .recall
        default:
            throw ValidationError(field: .other, message: Message(
                zh: "服务类型应为 保养、维修、保修、事故 或 召回（maintenance、repair、warranty、accident、recall），现在是“\(CustomerCSVReader.echo(text))”",
                en: "Service type is maintenance, repair, warranty, accident or recall (保养, 维修, 保修, 事故, 召回), "
                    + "not \"\(CustomerCSVReader.echo(text))\""))
        }
    }

    static func repairClass(_ text: String) throws -> RepairClass? {
        let clean = FreeText.sanitize(text).lowercased()
        if clean.isEmpty { return nil }
        if let value = RepairClass.allCases.first(where: { $0.rawValue.lowercased() == clean }) { return value }
        switch clean {
        case "整车修理", "总成修理", "大修", "major assembly", "major": return .majorAssembly
        case "二级维护", "二保", "level 2 maintenance", "level2": return .level2Maintenance
        case "一级维护", "一保", "level 1 maintenance", "level1": return .level1Maintenance
        case "小修", "minor repair", "minor": return .minorRepair
        case "专项修理", "专项", "specialist repair", "specialist": return .specialistRepair
        default:
            throw ValidationError(field: .other, message: Message(
                zh: "维修类别应为 整车修理、二级维护、一级维护、小修 或 专项修理，现在是“\(CustomerCSVReader.echo(text))”",
                en: "Repair class is majorAssembly, level2Maintenance, level1Maintenance, minorRepair or specialistRepair "
                    + "(整车修理, 二级维护, 一级维护, 小修, 专项修理), not \"\(CustomerCSVReader.echo(text))\""))
        }
    }

    static func category(_ text: String) throws -> ConcernCategory? {
        let clean = FreeText.sanitize(text)
        if clean.isEmpty { return nil }
        if let value = ConcernCategory.allCases.first(where: { $0.rawValue.lowercased() == clean.lowercased() }) {
            return value
        }
        if let value = ConcernCategory.allCases.first(where: { $0.label.zh == clean }) { return value }
        throw ValidationError(field: .other, message: Message(
            zh: "类别应为 \(ConcernCategory.allCases.map(\.label.zh).joined(separator: "、"))，现在是“\(CustomerCSVReader.echo(text))”",
            en: "Category is one of \(ConcernCategory.allCases.map(\.rawValue).joined(separator: ", ")), "
                + "not \"\(CustomerCSVReader.echo(text))\""))
    }

    /// An amount in yuan (`1234.5`, `1,234.50`, `¥88`) as fen; empty is zero.
    static func yuan(_ text: String) throws -> Fen {
        var clean = FreeText.sanitize(text)
        for mark in [",", "¥", "￥", "元"] where clean.contains(mark) { clean = clean.replacingOccurrences(of: mark, with: "") }
        if clean.isEmpty { return .zero }
        let parts = clean.split(separator: ".", omittingEmptySubsequences: false)
        guard !clean.hasPrefix("-"), parts.count <= 2, let whole = Int64(parts[0].isEmpty ? "0" : String(parts[0])),
              whole < 100_000_000, parts.count == 1 || (parts[1].count <= 2 && parts[1].allSatisfy(\.isASCII)
                                                       && (parts[1].isEmpty || Int64(parts[1]) != nil)) else {
            throw ValidationError(field: .estimate, message: Message(
                zh: "金额应为不小于 0 的元数，最多两位小数，例如 380 或 1234.50，现在是“\(CustomerCSVReader.echo(text))”",
                en: "An amount is yuan of 0 or more with at most two decimals, e.g. 380 or 1234.50, not \"\(CustomerCSVReader.echo(text))\""))
        }
        var fen = whole * 100
        if parts.count == 2, !parts[1].isEmpty {
            let digits = String(parts[1])
            fen += Int64(digits)! * (digits.count == 1 ? 10 : 1)
        }
        return Fen(fen)
    }
}

/// Local shop times as old systems and Excel write them: `yyyy-MM-dd HH:mm[:ss]`, `yyyy/M/d H:mm[:ss]`
/// (a date alone is midnight). Parsed by hand: a history file holds millions of them.
struct ShopTimeParser {
    let timeZone: TimeZone

    func parse(_ text: String) throws -> Date? {
        let clean = FreeText.sanitize(text)
        if clean.isEmpty { return nil }
        guard let date = Self.fields(clean).flatMap(instant) else {
            throw ValidationError(field: .date, message: Message(
                zh: "时间应写成 年-月-日 时:分，例如 2024-03-15 14:30 或 2024/3/15 14:30（店内时间），现在是“\(CustomerCSVReader.echo(clean))”",
                en: "Write the time as yyyy-MM-dd HH:mm or yyyy/M/d H:mm in shop time, e.g. 2024-03-15 14:30, "
                    + "not \"\(CustomerCSVReader.echo(clean))\""))
        }
        return date
    }

    private static func fields(_ text: String) -> [Int]? {
        let halves = text.split(separator: " ", omittingEmptySubsequences: true)
        guard halves.count == 1 || halves.count == 2 else { return nil }
        let day = halves[0]
        let separator: Character = day.contains("/") ? "/" : "-"
        let ymd = day.split(separator: separator, omittingEmptySubsequences: false)
        guard ymd.count == 3, ymd[0].count == 4 else { return nil }
        var numbers = ymd.compactMap { Int($0) }
        if halves.count == 2 {
            let hms = halves[1].split(separator: ":", omittingEmptySubsequences: false)
            guard hms.count == 2 || hms.count == 3, hms.allSatisfy({ (1...2).contains($0.count) }) else { return nil }
            numbers += hms.compactMap { Int($0) }
            guard numbers.count == 3 + hms.count else { return nil }
        } else {
            guard numbers.count == 3 else { return nil }
        }
        while numbers.count < 6 { numbers.append(0) }
        return numbers
    }

    private func instant(_ f: [Int]) -> Date? {
        let (y, m, d, hh, mm, ss) = (f[0], f[1], f[2], f[3], f[4], f[5])
        guard (1900...2200).contains(y), (1...12).contains(m), (0...23).contains(hh), (0...59).contains(mm),
              (0...59).contains(ss) else { return nil }
        let monthDays = [31, (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard (1...monthDays[m - 1]).contains(d) else { return nil }
        // Days from 1970-01-01 (the civil-from-days algorithm, proleptic Gregorian).
        let yy = m <= 2 ? y - 1 : y
        let era = (yy >= 0 ? yy : yy - 399) / 400
        let yoe = yy - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146_097 + doe - 719_468
        let local = TimeInterval(days * 86_400 + hh * 3600 + mm * 60 + ss)
        // The zone's offset at that moment (a second look settles a DST change in between).
        var offset = TimeInterval(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: local)))
        offset = TimeInterval(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: local - offset)))
        return Date(timeIntervalSince1970: local - offset)
    }
}
