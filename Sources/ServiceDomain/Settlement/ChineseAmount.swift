import Foundation

/// An amount in Chinese capitals (人民币大写) as banks and invoices write it:
/// `¥1,234.50` → 壹仟贰佰叁拾肆元伍角, `¥10.00` → 壹拾元整, `¥100.05` → 壹佰元零伍分, `¥0.05` → 伍分.
///
/// The rules (中国人民银行《正确填写票据和结算凭证的基本规定》):
/// - an amount that ends at 元 gets 整; one ending at 角 or 分 does not;
/// - zeros inside the yuan digits are read as one 零 per run; zeros ending a four-digit group (万, 亿) are
///   not read, and a group that starts with zeros after a higher group gets one 零 (壹万零壹拾);
/// - 角 zero with 分 not zero is read 零 (叁佰贰拾伍元零肆分); 元 zero before a 角 is not (the rules allow
///   either; this writes it once, without);
/// - 拾 always has its digit (壹拾元整, never 拾元整), so nothing can be written in front of it;
/// - no yuan at all starts at 角 or 分; zero is 零元整.
public enum ChineseAmount {
    static let digits: [Character] = ["零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"]
    static let places = ["", "拾", "佰", "仟"]
    static let groups = ["", "万", "亿", "万亿", "亿亿"]

    public static func capitals(_ amount: Fen) -> String {
        let negative = amount.value < 0
        let fen = amount.value.magnitude
        let yuan = fen / 100
        let jiao = Int((fen / 10) % 10)
        let cents = Int(fen % 10)
        var out = negative ? "负" : ""
        if yuan > 0 { out += yuanText(yuan) + "元" }
        if jiao == 0 && cents == 0 {
            return out + (yuan == 0 ? "零元整" : "整")
        }
        if jiao > 0 { out += String(digits[jiao]) + "角" } else if yuan > 0 { out += "零" }
        if cents > 0 { out += String(digits[cents]) + "分" }
        return out
    }

    /// The yuan digits in groups of four (个, 万, 亿, 万亿), most significant first.
    static func yuanText(_ yuan: UInt64) -> String {
        var groupValues: [Int] = []
        var rest = yuan
        while rest > 0 {
            groupValues.append(Int(rest % 10_000))
            rest /= 10_000
        }
        var out = ""
        var pendingZero = false
        for index in stride(from: groupValues.count - 1, through: 0, by: -1) {
            let value = groupValues[index]
            if value == 0 {
                // A whole group of zeros: read once as 零 if something lower follows.
                if !out.isEmpty { pendingZero = true }
                continue
            }
            if !out.isEmpty && value < 1000 { pendingZero = true }
            if pendingZero { out += "零" }
            pendingZero = false
            out += groupText(value) + groups[index]
        }
        return out
    }

    /// 1 to 9999 in capitals: one 零 per inner run of zeros, none at the end.
    static func groupText(_ value: Int) -> String {
        var out = ""
        var zero = false
        for place in stride(from: 3, through: 0, by: -1) {
            let digit = (value / pow10(place)) % 10
            if digit == 0 {
                if !out.isEmpty { zero = true }
                continue
            }
            if zero { out += "零" }
            zero = false
            out += String(digits[digit]) + places[place]
        }
        return out
    }

    private static func pow10(_ n: Int) -> Int { [1, 10, 100, 1000][n] }
}
