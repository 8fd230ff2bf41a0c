import Foundation

/// Vehicle identification number (车架号) per GB 16735 / ISO 3779: 17 letters and digits, never I, O or Q,
/// with a check digit in position 9.
public enum VIN {
    public static let length = 17

    /// Trims, folds full-width characters, upper-cases, and drops spaces and dashes people type to
    /// group the characters.
    public static func normalize(_ raw: String) -> String {
        // Already normalized (digits and capital letters only): nothing to fold, case or drop.
        if raw.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) }) { return raw }
        return normalizeInFull(raw)
    }

    /// `normalize` without the shortcut for normalized text.
    static func normalizeInFull(_ raw: String) -> String {
        let folded = TextFolding.halfWidth(raw).uppercased()
        return String(folded.filter { !$0.isWhitespace && !dashes.contains($0) })
    }

    /// Returns the normalized VIN, or throws a `ValidationError` for `.vin` saying what is wrong.
    public static func validate(_ raw: String) throws -> String {
        try validate(raw, requireCheckDigit: true)
    }

    /// `requireCheckDigit: false` accepts a VIN whose 9th character is not a valid check digit, for the
    /// rare imported car built to a standard without one; everything else is checked the same way.
    public static func validate(_ raw: String, requireCheckDigit: Bool) throws -> String {
        let vin = normalize(raw)
        if isValid(normalized: vin, requireCheckDigit: requireCheckDigit) { return vin }
        return try validateInFull(raw, requireCheckDigit: requireCheckDigit)
    }

    /// `validate` without the shortcut for valid VINs: the checks one by one, each with its message.
    static func validateInFull(_ raw: String, requireCheckDigit: Bool) throws -> String {
        let vin = normalize(raw)
        let chars = Array(vin)
        if chars.isEmpty {
            throw ValidationError(.vin, zh: "请填写车架号(VIN)，共 17 位字母和数字",
                                  en: "VIN is empty — enter its 17 letters and digits")
        }
        if let index = chars.firstIndex(where: { !isLetterOrDigit($0) }) {
            let shown = TextFolding.shown(chars[index])
            throw ValidationError(
                .vin,
                zh: "VIN 只能包含字母和数字，第\(index + 1)位是 \(shown)",
                en: "VIN may only contain letters and digits; position \(index + 1) is \(shown)")
        }
        if chars.count != length {
            throw ValidationError(
                .vin,
                zh: "VIN 应为 17 位，您输入了 \(chars.count) 位，请核对",
                en: "VIN must be 17 characters; you typed \(chars.count)")
        }
        if let index = chars.firstIndex(where: { forbiddenLetters.keys.contains($0) }) {
            let letter = chars[index]
            let digit = forbiddenLetters[letter]!
            throw ValidationError(
                .vin,
                zh: "VIN 第\(index + 1)位是字母 \(letter)，VIN 不使用 I、O、Q，请检查是否应为数字 \(digit)",
                en: "VIN has the letter \(letter) at position \(index + 1); VINs never use I, O or Q — did you mean \(digit)?")
        }
        if requireCheckDigit, let expected = expectedCheckDigit(vin), chars[8] != expected {
            let typed = chars[8]
            throw ValidationError(
                .vin,
                zh: "VIN 第9位校验位为 \(typed)，应为 \(expected)，请核对是否录入错误",
                en: "VIN check digit (9th character) is \(typed) but should be \(expected) — check for a typing mistake")
        }
        return vin
    }

    /// The checks below on the UTF-8 bytes, without building messages: true for 17 VIN characters
    /// (with the right check digit when required). `validate` explains what is wrong otherwise.
    private static func isValid(normalized vin: String, requireCheckDigit: Bool) -> Bool {
        guard vin.utf8.count == length else { return false }
        var sum = 0
        var ninth: UInt8 = 0
        for (index, byte) in vin.utf8.enumerated() {
            guard let value = transliteration(ascii: byte) else { return false }
            sum += value * weights[index]
            if index == 8 { ninth = byte }
        }
        let remainder = sum % 11
        return !requireCheckDigit || ninth == (remainder == 10 ? UInt8(ascii: "X") : UInt8(ascii: "0") + UInt8(remainder))
    }

    /// The check digit position 9 should hold, for 17 valid VIN characters (digits and letters other
    /// than I, O, Q); nil otherwise. Remainder 10 is written "X".
    public static func expectedCheckDigit(_ normalized: String) -> Character? {
        let chars = Array(normalized)
        guard chars.count == length else { return nil }
        var sum = 0
        for (index, c) in chars.enumerated() {
            guard let value = transliteration(c) else { return nil }
            sum += value * weights[index]
        }
        let remainder = sum % 11
        return remainder == 10 ? "X" : Character(String(remainder))
    }

    /// GB 16735 Table: letters map to 1–9 skipping I, O, Q; digits are themselves.
    static func transliteration(_ c: Character) -> Int? {
        c.asciiValue.flatMap { transliteration(ascii: $0) }
    }

    private static func transliteration(ascii: UInt8) -> Int? {
        switch ascii {
        case 48...57: return Int(ascii) - 48
        case 65...72: return Int(ascii) - 64             // A–H: 1–8
        case 74...78: return Int(ascii) - 73             // J–N: 1–5
        case 80: return 7                                // P
        case 82: return 9                                // R
        case 83...90: return Int(ascii) - 81             // S–Z: 2–9
        default: return nil                              // I, O, Q and anything else
        }
    }

    private static let weights = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]
    /// The letters a VIN never uses, with the digit a clerk most likely meant.
    private static let forbiddenLetters: [Character: Character] = ["I": "1", "O": "0", "Q": "0"]
    private static let dashes: Set<Character> = ["-", "‐", "‑", "–", "—"]

    private static func isLetterOrDigit(_ c: Character) -> Bool {
        TextFolding.isASCIIDigit(c) || TextFolding.isASCIIUpper(c)
    }
}
