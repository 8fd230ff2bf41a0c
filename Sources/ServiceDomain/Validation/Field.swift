/// The input fields a validation message can point at, so the console can put the cursor there.
public enum Field: String, Sendable, CaseIterable {
    case name, phone, vin, plate, model, mileage, concern, notes, walkAround, preferredCallTime, reason, estimate,
         promisedTime, date, other

    /// The field's name as the clerk sees it on the form.
    public var label: Message {
        switch self {
        case .name: Message(zh: "姓名", en: "Name")
        case .phone: Message(zh: "电话", en: "Phone")
        case .vin: Message(zh: "车架号(VIN)", en: "VIN")
        case .plate: Message(zh: "车牌号", en: "Plate")
        case .model: Message(zh: "车型", en: "Model")
        case .mileage: Message(zh: "里程", en: "Mileage")
        case .concern: Message(zh: "客户描述", en: "Concern")
        case .notes: Message(zh: "备注", en: "Notes")
        case .walkAround: Message(zh: "环车检查", en: "Walk-around")
        case .preferredCallTime: Message(zh: "方便来电时间", en: "Preferred call time")
        case .reason: Message(zh: "原因", en: "Reason")
        case .estimate: Message(zh: "预估金额", en: "Estimate")
        case .promisedTime: Message(zh: "承诺交车时间", en: "Promised time")
        case .date: Message(zh: "日期", en: "Date")
        case .other: Message(zh: "其他", en: "Other")
        }
    }
}

/// Input the shop cannot store, with a sentence saying which field is wrong and what is accepted.
public struct ValidationError: UserFacingError, Equatable {
    public let field: Field
    public let message: Message

    public init(field: Field, message: Message) {
        self.field = field
        self.message = message
    }

    init(_ field: Field, zh: String, en: String) {
        self.init(field: field, message: Message(zh: zh, en: en))
    }
}

/// Small text helpers shared by the validators.
enum TextFolding {
    /// Full-width ASCII forms (U+FF01–U+FF5E) and the ideographic space become their half-width
    /// counterparts: Chinese input methods often type `１３８` or `ＡＢＣ`.
    static func halfWidth(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            switch s.value {
            case 0xFF01...0xFF5E: out.append(Unicode.Scalar(s.value - 0xFEE0)!)
            case 0x3000: out.append(" ")
            default: out.append(s)
            }
        }
        return String(out)
    }

    /// A character quoted in a message: printable ones as themselves, anything invisible or
    /// unsafe for a terminal as its code point.
    static func shown(_ c: Character) -> String {
        let printable = c.unicodeScalars.allSatisfy { s in
            !FreeText.isUnsafe(s) && !s.properties.isWhitespace
                && s.properties.generalCategory != .format && s.properties.generalCategory != .unassigned
        }
        if printable { return "“\(c)”" }
        let codes = c.unicodeScalars.map { "U+" + String($0.value, radix: 16, uppercase: true) }
        return codes.joined(separator: " ")
    }

    static func isASCIIDigit(_ c: Character) -> Bool {
        guard let a = c.asciiValue else { return false }
        return a >= 48 && a <= 57
    }

    static func isASCIIUpper(_ c: Character) -> Bool {
        guard let a = c.asciiValue else { return false }
        return a >= 65 && a <= 90
    }

    /// `12345` → `12,345`, for kilometre figures in messages.
    static func grouped(_ value: Int) -> String {
        var digits = String(value.magnitude)
        var out = ""
        while digits.count > 3 {
            out = "," + digits.suffix(3) + out
            digits.removeLast(3)
        }
        return (value < 0 ? "-" : "") + digits + out
    }
}
