import Foundation
import ServiceDomain

extension CustomerCSV {
    /// Header names a shop's own spreadsheet uses for the export's columns (Chinese, as the DMS and
    /// Excel sheets label them).
    static let aliases: [String: String] = [
        "姓名": "name", "客户姓名": "name", "客户名称": "name", "客户": "name",
        "电话": "phones", "手机": "phones", "手机号": "phones", "手机号码": "phones", "联系电话": "phones",
        "过保客户": "out_of_warranty", "过保": "out_of_warranty",
        "二手车": "used_car", "二手车客户": "used_car",
        "车牌": "plate", "车牌号": "plate", "车牌号码": "plate",
        "车架号": "vin", "车辆识别代号": "vin",
        "车型": "model",
        "购车日期": "purchase_date", "购买日期": "purchase_date",
        "保修截止": "warranty_end_date", "保修截止日期": "warranty_end_date", "保修到期": "warranty_end_date",
        "保修截止里程": "warranty_end_km", "保修里程": "warranty_end_km",
        "备注": "notes",
        "客户类型": "customer_type", "客户性质": "customer_type",
        "建档日期": "customer_since", "入会日期": "customer_since", "首次到店": "customer_since",
        "里程": "mileage", "当前里程": "mileage", "行驶里程": "mileage", "表显里程": "mileage", "公里数": "mileage",
        "里程原因": "odometer_reason", "里程表更换原因": "odometer_reason",
    ]

    /// Columns an import reads that the export does not write: the old system's odometer reading
    /// becomes the car's first reading here (the console's own readings are kept per visit); the reason
    /// lets a reading below the car's last one in be recorded as a replaced odometer.
    static let importOnly = ["mileage", "odometer_reason"]

    /// The Chinese names listed in the unknown-column message, one per column.
    static let chineseNames = "姓名, 电话, 过保客户, 二手车, 车牌, 车架号, 车型, 购车日期, 保修截止, 保修截止里程, 备注, 建档日期, 客户类型, 里程, 里程原因"

    /// The export's name for a header cell (English case-insensitive, or a Chinese alias); nil if unknown.
    static func canonicalColumn(_ typed: String) -> String? {
        let folded = typed.lowercased()
        if header.contains(folded) || importOnly.contains(folded) { return folded }
        return aliases[typed]
    }
}

extension CustomerCSVReader {
    /// A cell quoted back in a message: sanitized and clipped, so a huge or hostile cell cannot flood
    /// the status line or reach the terminal.
    static func echo(_ text: String) -> String {
        let clean = FreeText.sanitize(text)
        return clean.count <= 40 ? clean : String(clean.prefix(39)) + "…"
    }

    /// `1/0`, `yes/no`, `true/false`, `y/n`, `是/否`; empty means no.
    static func flag(_ text: String) throws -> Bool {
        switch FreeText.sanitize(text).lowercased() {
        case "", "0", "no", "n", "false", "否": return false
        case "1", "yes", "y", "true", "是": return true
        default:
            throw ValidationError(field: .other, message: Message(
                zh: "应填 1 或 0（是/否），现在是“\(echo(text))”",
                en: "Use 1 or 0 (yes/no), not \"\(echo(text))\""))
        }
    }

    /// Optional whole kilometres; thousands separators allowed. `-0` is refused with the negatives:
    /// the minus says the cell was typed wrong, whatever the number.
    static func kilometres(_ text: String) throws -> Int? {
        var clean = FreeText.sanitize(text)
        if clean.contains(",") { clean = clean.replacingOccurrences(of: ",", with: "") }
        if clean.isEmpty { return nil }
        guard !clean.hasPrefix("-"), let km = Int(clean), km >= 0 else {
            throw ValidationError(field: .mileage, message: Message(
                zh: "保修截止里程应为不小于 0 的整数公里，例如 100000，现在是“\(echo(clean))”",
                en: "Warranty end km must be a whole number of 0 or more, e.g. 100000, not \"\(echo(clean))\""))
        }
        if km > VehicleRules.warrantyKmMaximum {
            throw ValidationError(field: .mileage, message: Message(
                zh: "保修截止里程 \(km) 公里超过 1,000,000 公里，不可能是真实数据，请核对",
                en: "Warranty end km \(km) is above 1,000,000 km, which no warranty gives; check it"))
        }
        return km
    }

    /// `individual`/`company`/`fleet` or 个人/单位/车队 (and the words DMS exports use for them); empty: unknown.
    static func customerKind(_ text: String) throws -> CustomerKind? {
        let clean = FreeText.sanitize(text).lowercased()
        if clean.isEmpty { return nil }
        if let kind = CustomerKind(rawValue: clean) { return kind }
        switch clean {
        case "个人", "私人", "private", "person": return .individual
        case "单位", "公司", "企业", "政府", "机关", "corporate", "business": return .company
        case "车队", "集团", "集团客户", "租赁": return .fleet
        default:
            throw ValidationError(field: .other, message: Message(
                zh: "客户类型应为 个人、单位 或 车队（individual、company、fleet），现在是“\(echo(clean))”",
                en: "Customer type is individual, company or fleet (个人, 单位, 车队), not \"\(echo(clean))\""))
        }
    }

    /// Optional odometer reading in whole kilometres (thousands separators allowed), within what a
    /// car can show (`MileageRule.maximumKm`).
    static func odometer(_ text: String) throws -> Int? {
        var clean = FreeText.sanitize(text)
        if clean.contains(",") { clean = clean.replacingOccurrences(of: ",", with: "") }
        if clean.isEmpty { return nil }
        guard !clean.hasPrefix("-"), let km = Int(clean), km <= MileageRule.maximumKm else {
            throw ValidationError(field: .mileage, message: Message(
                zh: "里程应为 0 到 \(MileageRule.maximumKm) 之间的整数公里，例如 45230，现在是“\(echo(clean))”",
                en: "Mileage must be a whole number of km from 0 to \(MileageRule.maximumKm), e.g. 45230, not \"\(echo(clean))\""))
        }
        return km
    }

    /// A VIN from a file: refused, not normalized, when spaces or hyphens sit between its characters,
    /// since a VIN never has them and a file is fixed once, in the sheet, rather than guessed at.
    static func vin(_ text: String) throws -> String {
        let trimmed = FreeText.sanitize(foldWidth(text))
        if let index = trimmed.firstIndex(where: { $0 == " " || $0 == "-" || $0 == "‐" || $0 == "–" || $0 == "—" }) {
            let position = trimmed.distance(from: trimmed.startIndex, to: index) + 1
            let what = (trimmed[index] == " ") ? (zh: "空格", en: "a space") : (zh: "连字符", en: "a hyphen")
            throw ValidationError(field: .vin, message: Message(
                zh: "VIN 第 \(position) 个字符是\(what.zh)；VIN 是连续的 17 位字母和数字，未导入也未自动改正，请在文件中删去",
                en: "The VIN has \(what.en) at character \(position); a VIN is 17 letters and digits with nothing "
                    + "between them. Refused, not corrected: remove it in the file"))
        }
        return try VIN.validate(trimmed)
    }

    /// Full-width letters and digits folded, as the VIN validator does, so `ＬＳＶ…` is not taken for spaces.
    private static func foldWidth(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { s in
            (0xFF01...0xFF5E).contains(s.value) ? Unicode.Scalar(s.value - 0xFEE0)! : s
        }))
    }
}
