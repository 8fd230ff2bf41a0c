#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Theme {
    /// Loads a theme by name ("high-contrast", looked up as `<dir>/high-contrast.theme` in each of
    /// `searchDirectories`, first match wins) or by path (anything containing '/' or ending in
    /// ".theme"). Never fails: on any problem it returns `builtinDefault` and the problem as an English
    /// warning to show the user. "default" (or an empty name) not found on disk is the built-in theme,
    /// without a warning.
    public static func load(nameOrPath: String, searchDirectories: [String]) -> (Theme, warning: String?) {
        switch resolve(nameOrPath: nameOrPath, searchDirectories: searchDirectories) {
        case .success(let theme): return (theme, nil)
        case .failure(let error): return (builtinDefault, error.description)
        }
    }

    /// Like `load`, but hands back the structured error (for a message in the user's language).
    public static func resolve(nameOrPath: String, searchDirectories: [String]) -> Result<Theme, ThemeError> {
        let request = nameOrPath.trimmingWhitespace
        if request.isEmpty { return .success(builtinDefault) }

        let isPath = request.contains("/") || request.hasSuffix(".theme")
        var candidates: [String] = isPath ? [request] : []
        let fileName = request.hasSuffix(".theme") ? request : request + ".theme"
        if !request.contains("/") {
            candidates += searchDirectories.map { dir in dir.hasSuffix("/") ? dir + fileName : dir + "/" + fileName }
        }

        for path in candidates where ThemeFile.exists(path) {
            return Result { () throws(ThemeError) -> Theme in try Theme.parse(ThemeFile.read(path), fileName: path) }
        }
        if request == "default" || request == "default.theme" { return .success(builtinDefault) }
        return .failure(ThemeError(file: request, line: nil, problem: .notFound(searched: candidates)))
    }

    /// Names of the `*.theme` files in `searchDirectories`, sorted and without duplicates.
    public static func availableNames(in searchDirectories: [String]) -> [String] {
        var names = Set<String>()
        for dir in searchDirectories {
            for file in ThemeFile.list(dir) where file.hasSuffix(".theme") && !file.hasPrefix(".") {
                names.insert(String(file.dropLast(".theme".count)))
            }
        }
        return names.sorted()
    }
}

/// Minimal file access with libc, so ScreenKit needs no Foundation.
enum ThemeFile {
    static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    static func read(_ path: String) throws(ThemeError) -> String {
        func fail(_ problem: ThemeError.Problem) -> ThemeError { ThemeError(file: path, line: nil, problem: problem) }
        guard let file = fopen(path, "rb") else { throw fail(.unreadable(String(cString: strerror(errno)))) }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let n = fread(&chunk, 1, chunk.count, file)
            if n > 0 { bytes.append(contentsOf: chunk[0..<n]) }
            if bytes.count > ThemeParser.maximumBytes { throw fail(.tooLarge(bytes: bytes.count)) }
            if n < chunk.count {
                if ferror(file) != 0 { throw fail(.unreadable(String(cString: strerror(errno)))) }
                break
            }
        }
        guard let text = String(validating: bytes, as: UTF8.self) else { throw fail(.notUTF8) }
        // A byte-order mark some editors add is not part of the first role name.
        return text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
    }

    static func list(_ directory: String) -> [String] {
        guard let dir = opendir(directory) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            names.append(name)
        }
        return names
    }
}

extension String {
    fileprivate var trimmingWhitespace: String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let end = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[start...end])
    }
}
