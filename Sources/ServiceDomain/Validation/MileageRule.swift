import Foundation

/// Odometer readings only go up, except when the odometer (or the instrument cluster) was replaced.
public enum MileageRule {
    /// The highest reading the shop accepts; no car in service has gone further.
    public static let maximumKm = 2_000_000

    /// Refuses a negative reading, one above `maximumKm`, and one below `lastKm` unless a reason for
    /// an odometer replacement is given.
    public static func check(newKm: Int, lastKm: Int?, odometerReplacementReason: String?) throws {
        if newKm < 0 {
            throw ValidationError(.mileage, zh: "里程不能为负数，请填写仪表显示的公里数",
                                  en: "Mileage cannot be negative — enter the km shown on the odometer")
        }
        if newKm > maximumKm {
            throw ValidationError(
                .mileage,
                zh: "里程 \(TextFolding.grouped(newKm)) 公里超过上限 \(TextFolding.grouped(maximumKm)) 公里，请核对",
                en: "Mileage \(TextFolding.grouped(newKm)) km is above the \(TextFolding.grouped(maximumKm)) km limit — check the reading")
        }
        guard let lastKm, newKm < lastKm else { return }
        let reason = FreeText.sanitize(odometerReplacementReason ?? "")
        if reason.isEmpty {
            throw ValidationError(
                .mileage,
                zh: "里程 \(TextFolding.grouped(newKm)) 公里低于上次记录的 \(TextFolding.grouped(lastKm)) 公里；如更换过里程表，请填写原因",
                en: "Mileage \(TextFolding.grouped(newKm)) km is below the last reading of \(TextFolding.grouped(lastKm)) km; if the odometer was replaced, give the reason")
        }
    }
}
