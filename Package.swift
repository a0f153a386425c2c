// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "shian",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "shian", targets: ["shian"])
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-kit.git", from: "1.57.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/JohnSundell/Plot.git", from: "0.14.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
    ],
    targets: [
        // The rules: pure Swift, Foundation only.
        .target(name: "ShianCore"),
        // FluentKit models, migrations and SQL queries; nothing HTTP.
        .target(
            name: "ShianStore",
            dependencies: [
                "ShianCore",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "SQLKit", package: "sql-kit"),
            ]
        ),
        // The Vapor application: routes, pages, API.
        .target(
            name: "ShianWeb",
            dependencies: [
                "ShianCore",
                "ShianStore",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "Plot", package: "Plot"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            resources: [.copy("Resources")]
        ),
        .executableTarget(name: "shian", dependencies: ["ShianWeb"]),
        // Fresh databases for the store and web suites: in-memory SQLite, or a throwaway
        // PostgreSQL database when SHIAN_TEST_POSTGRES_URL is set.
        .target(
            name: "ShianTestSupport",
            dependencies: [
                "ShianStore",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
            ],
            path: "Tests/ShianTestSupport"
        ),
        .testTarget(name: "ShianCoreTests", dependencies: ["ShianCore"]),
        .testTarget(
            name: "ShianStoreTests",
            dependencies: ["ShianStore", "ShianTestSupport"]
        ),
        .testTarget(
            name: "ShianWebTests",
            dependencies: [
                "ShianWeb",
                "ShianTestSupport",
                .product(name: "VaporTesting", package: "vapor"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
