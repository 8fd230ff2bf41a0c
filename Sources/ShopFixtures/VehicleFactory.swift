import ServiceDomain

/// Vehicles of a FAW-Volkswagen 4S store, with VINs whose check digit is right.
enum VehicleFactory {
    struct ModelLine {
        let name: String
        let vds: String
    }

    static let lines: [ModelLine] = [
        ModelLine(name: "迈腾 2.0T", vds: "A23C3"),
        ModelLine(name: "速腾 1.4T", vds: "A21K1"),
        ModelLine(name: "宝来 1.5L", vds: "A11G2"),
        ModelLine(name: "探岳 330TSI", vds: "B23J5"),
        ModelLine(name: "揽巡 380TSI", vds: "B24H7"),
        ModelLine(name: "ID.4 CROZZ", vds: "E25S8"),
        ModelLine(name: "高尔夫 GTI", vds: "A27B9"),
        ModelLine(name: "CC 猎装车", vds: "A29D4"),
    ]

    static let vinChars = Array("ABCDEFGHJKLMNPRSTUVWXYZ0123456789")
    /// Model-year letters 2016–2025 (GB 16735 / ISO 3779 year code).
    static let yearCodes: [(year: Int, code: Character)] = [
        (2016, "G"), (2017, "H"), (2018, "J"), (2019, "K"), (2020, "L"),
        (2021, "M"), (2022, "N"), (2023, "P"), (2024, "R"), (2025, "S"),
    ]

    static func vin(line: ModelLine, year: Int, serial: Int, rng: inout SeededRandom) -> String {
        let code = yearCodes.first { $0.year == year }?.code ?? "S"
        let plant = rng.pick(["3", "C", "F"]) // Changchun, Chengdu, Foshan
        var serialText = String(serial % 1_000_000)
        while serialText.count < 6 { serialText = "0" + serialText }
        let withoutCheck = "LFV" + line.vds + "0" + String(code) + plant + serialText
        let check = VIN.expectedCheckDigit(withoutCheck) ?? "0"
        var chars = Array(withoutCheck)
        chars[8] = check
        return String(chars)
    }
}
