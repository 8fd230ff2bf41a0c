import Foundation

/// Chinese motor-vehicle number plates (GA 36): province abbreviation, issuing-office letter, serial.
/// Stored normalized (`粤A12345`), shown with the dot (`粤A·12345`).
public enum Plate {
    /// The 31 province-level abbreviations used on plates.
    public static let provinces: Set<Character> = [
        "京", "津", "沪", "渝", "冀", "豫", "云", "辽", "黑", "湘", "皖", "鲁", "新", "苏", "浙", "赣",
        "鄂", "桂", "甘", "晋", "蒙", "陕", "吉", "闽", "贵", "粤", "青", "藏", "川", "宁", "琼",
    ]
    /// Last characters of special plates with a 4-character serial: coach cars, police, trailers,
    /// Hong Kong and Macau cross-border cars, consulates.
    public static let specialSuffixes: Set<Character> = ["学", "警", "挂", "港", "澳", "领"]
    /// First serial letters of small new-energy plates: D and F first, then A B C E (battery electric)
    /// and G H J K (other new energy) once a city has used up the D/F series.
    static let smallNewEnergyLetters: Set<Character> = ["D", "F", "A", "B", "C", "E", "G", "H", "J", "K"]
    static let largeNewEnergyLetters: Set<Character> = ["D", "F"]

    /// Folds full-width characters, upper-cases, and removes the separators people type
    /// (middle dots, full stops, spaces, dashes).
    public static func normalize(_ raw: String) -> String {
        // Already normalized (digits, capital letters and CJK ideographs such as 粤 or 学): nothing
        // to fold, case or drop.
        if raw.unicodeScalars.allSatisfy({ s in
            (0x30...0x39).contains(s.value) || (0x41...0x5A).contains(s.value) || (0x4E00...0x9FFF).contains(s.value)
        }) {
            return raw
        }
        return normalizeInFull(raw)
    }

    /// `normalize` without the shortcut for normalized text.
    static func normalizeInFull(_ raw: String) -> String {
        let folded = TextFolding.halfWidth(raw).uppercased()
        return String(folded.filter { !$0.isWhitespace && !separators.contains($0) })
    }

    /// Returns the normalized plate (`粤A12345`), or throws a `ValidationError` for `.plate`.
    public static func validate(_ raw: String) throws -> String {
        let plate = normalize(raw)
        if let problem = problem(in: plate) { throw problem }
        return plate
    }

    /// `粤A12345` → `粤A·12345`, `粤AD12345` → `粤A·D12345`. Anything that is not a valid plate is
    /// returned unchanged, so odd stored data is still shown as it is.
    public static func display(_ normalized: String) -> String {
        let plate = normalize(normalized)
        guard problem(in: plate) == nil, let first = plate.first, provinces.contains(first) else {
            return normalized
        }
        let chars = Array(plate)
        return String(chars[0...1]) + "·" + String(chars[2...])
    }

    /// Normalizes part of a plate typed into a search box: `粤a12` → `粤A12`, `a·123` → `A123`.
    public static func searchKey(_ fragment: String) -> String {
        normalize(fragment)
    }

    private static let separators: Set<Character> = [
        "·", ".", "•", "・", "･", "‧", "∙", "⋅", "。", "-", "‐", "‑", "–", "—",
    ]

    private static let examples = (zh: "例如 粤A·12345 或 粤A·D12345", en: "e.g. 粤A·12345 or 粤A·D12345")

    private static func error(zh: String, en: String) -> ValidationError {
        ValidationError(.plate, zh: "\(zh)，\(examples.zh)", en: "\(en) (\(examples.en))")
    }

    /// Why `plate` (already normalized) is not a plate, or nil when it is one.
    static func problem(in plate: String) -> ValidationError? {
        let chars = Array(plate)
        guard let first = chars.first else {
            return error(zh: "请填写车牌号", en: "Plate is empty — enter the number plate")
        }
        if first == "使" { return embassyProblem(chars) }
        guard provinces.contains(first) else {
            return error(zh: "车牌第1位应为省份简称（如 粤、京、沪），现在是 \(TextFolding.shown(first))",
                         en: "A plate starts with a province character such as 粤, 京 or 沪, not \(TextFolding.shown(first))")
        }
        guard chars.count >= 2 else {
            return error(zh: "车牌号不完整", en: "Plate is incomplete")
        }
        let office = chars[1]
        if office == "I" || office == "O" {
            return error(zh: "车牌第2位不使用字母 I 或 O", en: "The plate's 2nd character cannot be the letter I or O")
        }
        guard TextFolding.isASCIIUpper(office) else {
            return error(zh: "车牌第2位应为字母（如 粤A 的 A），现在是 \(TextFolding.shown(office))",
                         en: "The plate's 2nd character must be a letter (the A in 粤A), not \(TextFolding.shown(office))")
        }
        var serial = Array(chars.dropFirst(2))
        var suffix: Character?
        if let last = serial.last, specialSuffixes.contains(last) {
            suffix = last
            serial.removeLast()
        }
        for (offset, c) in serial.enumerated() {
            let position = offset + 3
            if c == "I" || c == "O" {
                return error(zh: "车牌号不使用字母 I 和 O，第\(position)位请检查是否应为数字 \(c == "I" ? "1" : "0")",
                             en: "Plates never use the letters I or O; position \(position) should probably be \(c == "I" ? "1" : "0")")
            }
            if !TextFolding.isASCIIDigit(c) && !TextFolding.isASCIIUpper(c) {
                return error(zh: "车牌第\(position)位 \(TextFolding.shown(c)) 不对，序号只能是字母和数字",
                             en: "Plate position \(position) is \(TextFolding.shown(c)); the serial has only letters and digits")
            }
        }
        if let suffix { return specialProblem(chars, serial: serial, suffix: suffix) }
        switch serial.count {
        case 5:
            return nil
        case 6:
            if isSmallNewEnergy(serial) || isLargeNewEnergy(serial) { return nil }
            return error(zh: "新能源车牌序号为6位：小型车首位为 D 或 F、后四位为数字，大型车前五位为数字、末位为 D 或 F",
                         en: "A new-energy plate has 6 serial characters: D or F first and 4 digits last (small cars), or 5 digits then D or F (large vehicles)")
        default:
            let typed = chars.count
            return error(zh: "车牌号应为 7 位（新能源车 8 位），您输入了 \(typed) 位",
                         en: "A plate has 7 characters (8 for new-energy cars); you typed \(typed)")
        }
    }

    private static func isSmallNewEnergy(_ serial: [Character]) -> Bool {
        smallNewEnergyLetters.contains(serial[0])
            && (TextFolding.isASCIIUpper(serial[1]) || TextFolding.isASCIIDigit(serial[1]))
            && serial[2...].allSatisfy(TextFolding.isASCIIDigit)
    }

    private static func isLargeNewEnergy(_ serial: [Character]) -> Bool {
        serial[0..<5].allSatisfy(TextFolding.isASCIIDigit) && largeNewEnergyLetters.contains(serial[5])
    }

    private static func specialProblem(_ chars: [Character], serial: [Character], suffix: Character) -> ValidationError? {
        if serial.count != 4 {
            return ValidationError(
                .plate,
                zh: "“\(suffix)”字车牌应为省份+字母+4位序号+“\(suffix)”，例如 粤B·1234\(suffix)",
                en: "A “\(suffix)” plate has a province, a letter, 4 serial characters and “\(suffix)”, e.g. 粤B·1234\(suffix)")
        }
        if (suffix == "港" || suffix == "澳") && !(chars[0] == "粤" && chars[1] == "Z") {
            return ValidationError(
                .plate,
                zh: "港澳车牌以 粤Z 开头，例如 粤Z·1234\(suffix)",
                en: "Hong Kong and Macau plates start with 粤Z, e.g. 粤Z·1234\(suffix)")
        }
        return nil
    }

    /// Embassy plates: 使 followed by a 3-digit mission code and a 3-digit serial (`使014578`).
    private static func embassyProblem(_ chars: [Character]) -> ValidationError? {
        let rest = chars.dropFirst()
        if rest.count == 6 && rest.allSatisfy(TextFolding.isASCIIDigit) { return nil }
        return ValidationError(.plate, zh: "使馆车牌应为“使”加 6 位数字，例如 使014578",
                               en: "An embassy plate is 使 followed by 6 digits, e.g. 使014578")
    }
}
