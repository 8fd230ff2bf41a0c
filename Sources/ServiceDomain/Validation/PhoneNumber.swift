import Foundation

/// Mainland China phone numbers: mobiles (`13812345678`) and landlines with area code
/// (`010-12345678`, `0755-1234567`). Stored normalized in exactly those two shapes.
public enum PhoneNumber {
    /// Returns the normalized number, or throws a `ValidationError` for `.phone` saying what is wrong.
    /// Accepts spaces, dashes, dots, parentheses, full-width digits and a `+86`, `0086` or `86` prefix.
    public static func validate(_ raw: String) throws -> String {
        isMobile(utf8: raw.utf8) && !MobilePrefixes.notIssued.contains(String(raw.prefix(3)))
            ? raw : try validateInFull(raw)
    }

    /// `validate` without the shortcut for normalized mobile numbers.
    static func validateInFull(_ raw: String) throws -> String {
        let text = TextFolding.halfWidth(raw).trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty {
            throw error(zh: "请填写电话号码", en: "Phone is empty")
        }
        var hasPlus = false
        var digits = ""
        for c in text {
            if TextFolding.isASCIIDigit(c) {
                digits.append(c)
            } else if c == "+" && digits.isEmpty && !hasPlus {
                hasPlus = true
            } else if !c.isWhitespace && !separators.contains(c) {
                throw error(zh: "电话号码里不能有 \(TextFolding.shown(c))，只能填数字",
                            en: "Phone cannot contain \(TextFolding.shown(c)); use digits only")
            }
        }
        if hasPlus {
            guard digits.hasPrefix("86") else {
                throw error(zh: "只能登记中国大陆号码（+86）", en: "Only mainland China numbers (+86) can be stored")
            }
            digits.removeFirst(2)
            // "+86 10 12345678": the trunk 0 of a landline is left out after the country code.
            if let first = digits.first, first != "0", first != "1" || !isMobilePrefix(digits) {
                digits = "0" + digits
            }
        } else if digits.hasPrefix("0086") {
            digits.removeFirst(4)
            if let first = digits.first, first != "0", first != "1" || !isMobilePrefix(digits) {
                digits = "0" + digits
            }
        } else if digits.count == 13 && digits.hasPrefix("86") && isMobilePrefix(String(digits.dropFirst(2))) {
            digits.removeFirst(2)
        }
        guard let first = digits.first else {
            throw error(zh: "电话号码里没有数字", en: "Phone has no digits")
        }
        switch first {
        case "1": return try mobile(digits)
        case "0": return try landline(digits)
        default:
            if digits.count == 7 || digits.count == 8 {
                throw error(zh: "座机号请加区号", en: "Add the area code to a landline number")
            }
            throw error(zh: "号码应以 1（手机）或 0（座机区号）开头，现在是 \(first)",
                        en: "A number starts with 1 (mobile) or 0 (landline area code), not \(first)")
        }
    }

    /// `13812345678` → `138****5678`; `0755-1234567` → `0755-***4567`. Any other text shows only its
    /// last four characters, so an odd stored value never leaks in a list.
    public static func masked(_ normalized: String) -> String {
        let chars = Array(normalized)
        if chars.count == 11 && chars.allSatisfy(TextFolding.isASCIIDigit) {
            return String(chars[0..<3]) + "****" + String(chars[7...])
        }
        if let dash = chars.firstIndex(of: "-"), dash > 0 {
            let area = String(chars[..<dash])
            let local = Array(chars[(dash + 1)...])
            if local.count >= 7 {
                return area + "-" + String(repeating: "*", count: local.count - 4) + String(local.suffix(4))
            }
            return area + "-" + maskAllButLast4(local)
        }
        return maskAllButLast4(chars)
    }

    /// Only the digits (full-width folded), for searching by part of a number. A `+86` prefix is kept.
    public static func digits(_ raw: String) -> String {
        String(TextFolding.halfWidth(raw).filter(TextFolding.isASCIIDigit))
    }

    /// 11 ASCII digits starting 13–19: already a normalized mobile number.
    private static func isMobile(utf8: String.UTF8View) -> Bool {
        guard utf8.count == 11, utf8.allSatisfy({ (0x30...0x39).contains($0) }) else { return false }
        return utf8.first == 0x31 && (0x33...0x39).contains(utf8[utf8.index(after: utf8.startIndex)])
    }

    /// True for a normalized mobile number (11 digits starting 13–19).
    public static func isMobile(_ normalized: String) -> Bool {
        normalized.count == 11 && normalized.allSatisfy(TextFolding.isASCIIDigit) && isMobilePrefix(normalized)
    }

    /// Whether `c` can be part of a phone as typed (digits, full-width digits, `+`, spaces, separators):
    /// a form refuses anything else at the key, so a plate typed after a refused Tab never lands here.
    public static func mayContain(_ c: Character) -> Bool {
        let folded = TextFolding.halfWidth(String(c))
        guard folded.count == 1, let f = folded.first else { return false }
        return TextFolding.isASCIIDigit(f) || f == "+" || f == " " || separators.contains(f)
    }

    private static let separators: Set<Character> = ["-", "‐", "‑", "–", "—", "(", ")", ".", "/", "（", "）"]

    private static let examples = (zh: "例如 13812345678 或 0755-1234567", en: "e.g. 13812345678 or 0755-1234567")

    private static func error(zh: String, en: String) -> ValidationError {
        ValidationError(.phone, zh: "\(zh)，\(examples.zh)", en: "\(en) (\(examples.en))")
    }

    private static func isMobilePrefix(_ digits: String) -> Bool {
        let chars = Array(digits.prefix(2))
        return chars.count == 2 && chars[0] == "1" && ("3"..."9").contains(chars[1])
    }

    private static func mobile(_ digits: String) throws -> String {
        if digits.count != 11 {
            throw ValidationError(
                .phone,
                zh: "手机号应为 11 位，您输入了 \(digits.count) 位，例如 13812345678",
                en: "A mobile number has 11 digits; you typed \(digits.count) (e.g. 13812345678)")
        }
        guard isMobilePrefix(digits) else {
            throw ValidationError(
                .phone,
                zh: "手机号应以 13–19 开头，现在是 \(digits.prefix(2))，例如 13812345678",
                en: "A mobile number starts with 13–19, not \(digits.prefix(2)) (e.g. 13812345678)")
        }
        let prefix = String(digits.prefix(3))
        if MobilePrefixes.notIssued.contains(prefix) {
            throw ValidationError(
                .phone,
                zh: "手机号段 \(prefix) 不发放给个人用户（未分配或仅用于物联网/数据卡），请核对号码",
                en: "No carrier issues mobile numbers starting \(prefix) to people (unassigned or data-only); check the number")
        }
        return digits
    }

    /// Area codes 010 and 02X have three digits; every other area code has four.
    private static func landline(_ digits: String) throws -> String {
        let chars = Array(digits)
        let areaLength = chars.count > 1 && (chars[1] == "1" || chars[1] == "2") ? 3 : 4
        let landlineExamples = (zh: "例如 010-12345678 或 0755-1234567", en: "e.g. 010-12345678 or 0755-1234567")
        guard chars.count > areaLength else {
            throw ValidationError(
                .phone,
                zh: "座机号应为区号加 7–8 位号码，\(landlineExamples.zh)",
                en: "A landline is an area code and a 7–8 digit number (\(landlineExamples.en))")
        }
        if areaLength == 3 && chars[1] == "1" && chars[2] != "0" {
            throw ValidationError(
                .phone,
                zh: "区号 \(String(chars[0..<3])) 不存在，北京是 010，\(landlineExamples.zh)",
                en: "Area code \(String(chars[0..<3])) does not exist (Beijing is 010) (\(landlineExamples.en))")
        }
        let area = String(chars[0..<areaLength])
        let local = Array(chars[areaLength...])
        // The big cities with 3-digit area codes all have 8-digit local numbers.
        let allowed = areaLength == 3 ? 8...8 : 7...8
        guard allowed.contains(local.count) else {
            let expected = areaLength == 3 ? "8" : "7–8"
            throw ValidationError(
                .phone,
                zh: "区号 \(area) 后的号码应为 \(expected) 位，您输入了 \(local.count) 位，\(landlineExamples.zh)",
                en: "The number after area code \(area) has \(expected) digits; you typed \(local.count) (\(landlineExamples.en))")
        }
        // A local number never starts with 0: that is an area code typed twice.
        guard local[0] != "0" else {
            throw ValidationError(
                .phone,
                zh: "区号 \(area) 后的号码不能以 \(local[0]) 开头，\(landlineExamples.zh)",
                en: "The number after area code \(area) cannot start with \(local[0]) (\(landlineExamples.en))")
        }
        return area + "-" + String(local)
    }

    /// Shows at most the last four characters and never more than half of them.
    private static func maskAllButLast4(_ chars: [Character]) -> String {
        let kept = min(4, chars.count / 2)
        return String(repeating: "*", count: chars.count - kept) + String(chars.suffix(kept))
    }
}
