extension ScreenBuffer {
    /// A readable, deterministic picture of the frame for snapshot files:
    ///
    ///     <the text rows, continuation cells skipped so wide characters keep their columns>
    ///     --- roles ---
    ///     <one letter per cell (continuation cells included, so letters line up with the text)>
    ///     --- legend ---
    ///     a header
    ///     b normal
    ///     cursor 4,2            (only when a cursor is set)
    ///
    /// Roles present are sorted by name and lettered a–z, A–Z, then 0–9; any further roles share "?".
    public func snapshot() -> String {
        let roles = Set(cells.map(\.role)).sorted()
        var letterOf: [StyleRole: Character] = [:]
        for (i, role) in roles.enumerated() {
            letterOf[role] = i < Self.snapshotLetters.count ? Self.snapshotLetters[i] : "?"
        }
        var out: [String] = textLines
        out.append("--- roles ---")
        for y in 0..<size.height {
            var line = ""
            line.reserveCapacity(size.width)
            for x in 0..<size.width { line.append(letterOf[self[x, y].role] ?? "?") }
            out.append(line)
        }
        out.append("--- legend ---")
        for role in roles { out.append("\(letterOf[role] ?? "?") \(role.rawValue)") }
        if let cursor { out.append("cursor \(cursor.x),\(cursor.y)") }
        return out.joined(separator: "\n") + "\n"
    }

    private static let snapshotLetters: [Character] = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
}
