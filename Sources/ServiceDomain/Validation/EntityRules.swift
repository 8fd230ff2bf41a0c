import Foundation

/// What a customer record must hold before it is saved.
public enum CustomerRules {
    public static let nameMaxLength = 40
    public static let preferredCallTimeMaxLength = 40
    public static let notesMaxLength = 500

    /// Cleans and checks every field: a name in Chinese or Latin letters (≤ 40 characters), at least one
    /// phone, each phone normalized, duplicates removed (the first stays primary), free text sanitized.
    public static func validated(_ customer: Customer) throws -> Customer {
        var c = customer
        c.name = try PersonName.validate(customer.name)
        c.phones = try validatedPhones(customer.phones)
        c.preferredCallTime = try FreeText.clean(customer.preferredCallTime, field: .preferredCallTime,
                                                 maxLength: preferredCallTimeMaxLength)
        c.notes = try FreeText.cleanKeepingLines(customer.notes, field: .notes, maxLength: notesMaxLength)
        return c
    }

    /// Refuses a "customer since" day in the future or before 1950, which cannot be true.
    public static func checkCustomerSince(_ date: CalendarDate, today: CalendarDate) throws {
        if date > today || date < VehicleRules.earliestPurchase {
            throw ValidationError(.date, zh: "建档日期 \(date.text) 不可能（晚于今天 \(today.text) 或早于 1950 年），请核对",
                                  en: "Customer since \(date.text) cannot be true (after today, \(today.text), or before 1950); check it")
        }
    }

    /// Blank entries (an empty second phone box) are ignored; the rest must all be valid.
    static func validatedPhones(_ raw: [String]) throws -> [String] {
        let entries = raw.filter { !FreeText.sanitize($0).isEmpty }
        if entries.isEmpty {
            throw ValidationError(.phone, zh: "请至少填写一个电话号码，例如 13812345678",
                                  en: "Enter at least one phone number (e.g. 13812345678)")
        }
        var phones: [String] = []
        for (index, entry) in entries.enumerated() {
            let phone: String
            do {
                phone = try PhoneNumber.validate(entry)
            } catch let error as ValidationError where entries.count > 1 {
                throw ValidationError(.phone, zh: "第\(index + 1)个电话：\(error.message.zh)",
                                      en: "Phone \(index + 1): \(error.message.en)")
            }
            if !phones.contains(phone) { phones.append(phone) }
        }
        return phones
    }
}

/// Customer names: Chinese characters or Latin letters, with the few marks real names use
/// (the middle dot of transliterated names, apostrophes, hyphens, and the parentheses, digits and &
/// of company names).
public enum PersonName {
    public static func validate(_ raw: String) throws -> String {
        isPlain(raw) ? raw : try validateInFull(raw)
    }

    /// `validate` without the shortcut for plain names.
    static func validateInFull(_ raw: String) throws -> String {
        // Refused, not cleaned: a name with an escape or a direction override was pasted from somewhere
        // odd, and silently dropping characters would store a name nobody typed.
        let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if let bad = trimmed.unicodeScalars.first(where: FreeText.isControlOrDirection) {
            let code = "U+" + String(format: "%04X", bad.value)
            throw ValidationError(
                .name,
                zh: "姓名里有控制字符或文字方向字符（\(code)），不能保存；请删去后重新输入",
                en: "Name holds a control or text-direction character (\(code)); remove it and type the name again")
        }
        let text = FreeText.sanitize(TextFolding.halfWidth(raw))
        let name = collapseSpaces(String(text.map { middleDots.contains($0) ? "·" : $0 }))
        if name.isEmpty {
            throw ValidationError(.name, zh: "请填写姓名", en: "Name is required")
        }
        if let bad = name.first(where: { !isAllowed($0) }) {
            throw ValidationError(
                .name,
                zh: "姓名只能用汉字或英文字母，不能有 \(TextFolding.shown(bad))",
                en: "Name may use Chinese characters or Latin letters only, not \(TextFolding.shown(bad))")
        }
        guard name.contains(where: isLetter) else {
            throw ValidationError(.name, zh: "姓名里至少要有一个汉字或字母",
                                  en: "Name must contain at least one Chinese character or letter")
        }
        if name.count > CustomerRules.nameMaxLength {
            throw ValidationError(
                .name,
                zh: "姓名最多 \(CustomerRules.nameMaxLength) 个字，现在有 \(name.count) 个字",
                en: "Name is too long: \(name.count) characters, at most \(CustomerRules.nameMaxLength) allowed")
        }
        return name
    }

    /// Han characters (the common block) and ASCII letters only, at most the maximum length: such a
    /// name is valid as it is, and `validate` would return it unchanged.
    private static func isPlain(_ raw: String) -> Bool {
        var count = 0
        for s in raw.unicodeScalars {
            count += 1
            guard count <= CustomerRules.nameMaxLength,
                  (0x4E00...0x9FFF).contains(s.value) || (0x41...0x5A).contains(s.value)
                    || (0x61...0x7A).contains(s.value) else { return false }
        }
        return count > 0
    }

    private static let middleDots: Set<Character> = ["•", "・", "･", "‧", "∙", "⋅"]
    private static let marks: Set<Character> = [" ", "·", ".", "'", "’", "-", "(", ")", "&", ","]

    private static func collapseSpaces(_ text: String) -> String {
        text.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }

    private static func isAllowed(_ c: Character) -> Bool {
        isLetter(c) || TextFolding.isASCIIDigit(c) || marks.contains(c)
    }

    /// A Han character or a Latin letter, possibly with combining accents (é typed decomposed).
    static func isLetter(_ c: Character) -> Bool {
        guard let base = c.unicodeScalars.first else { return false }
        let accentsOnly = c.unicodeScalars.dropFirst().allSatisfy { (0x0300...0x036F).contains($0.value) }
        return accentsOnly && (isHan(base) || isLatinLetter(base))
    }

    private static func isHan(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x323AF, 0xF900...0xFAFF, 0x3007: return true
        default: return false
        }
    }

    private static func isLatinLetter(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x41...0x5A, 0x61...0x7A: return true
        case 0xC0...0x24F, 0x1E00...0x1EFF: return s.properties.isAlphabetic
        default: return false
        }
    }
}

/// What a vehicle record must hold before it is saved.
public enum VehicleRules {
    public static let modelMaxLength = 40

    /// Plate validated and normalized; VIN optional (blank becomes nil) but checked when given;
    /// model required (≤ 40 characters); warranty kilometres not negative; warranty not ending before purchase.
    public static func validated(_ vehicle: Vehicle) throws -> Vehicle {
        var v = vehicle
        v.plate = try Plate.validate(vehicle.plate)
        if let vin = vehicle.vin, !VIN.normalize(vin).isEmpty {
            v.vin = try VIN.validate(vin)
        } else {
            v.vin = nil
        }
        v.model = try FreeText.clean(vehicle.model, field: .model, maxLength: modelMaxLength, required: true)
        if let km = vehicle.warrantyEndKm {
            if km < 0 {
                throw ValidationError(.mileage, zh: "保修截止里程不能为负数", en: "Warranty mileage cannot be negative")
            }
            if km > warrantyKmMaximum {
                throw ValidationError(
                    .mileage,
                    zh: "保修截止里程不能超过 \(TextFolding.grouped(warrantyKmMaximum)) 公里",
                    en: "Warranty mileage cannot be above \(TextFolding.grouped(warrantyKmMaximum)) km")
            }
        }
        // A warranty end before the purchase date is kept: a used car's warranty often ended before this
        // owner bought it (about one car in ten in a real customer file).
        return v
    }

    /// The highest warranty mileage any maker gives; above it the cell is a typing mistake.
    public static let warrantyKmMaximum = 1_000_000
    /// Before this no car of the shop's makes was sold in China; an earlier purchase date is a typo.
    public static let earliestPurchase = CalendarDate(year: 1950, month: 1, day: 1)!

    /// Refuses a purchase date in the future or before 1950, which cannot be true.
    public static func checkPurchaseDate(_ date: CalendarDate, today: CalendarDate) throws {
        if date > today {
            throw ValidationError(.date, zh: "购车日期 \(date.text) 晚于今天（\(today.text)），请核对",
                                  en: "Purchase date \(date.text) is after today (\(today.text)); check it")
        }
        if date < earliestPurchase {
            throw ValidationError(.date, zh: "购车日期 \(date.text) 早于 1950 年，请核对",
                                  en: "Purchase date \(date.text) is before 1950; check it")
        }
    }
}
