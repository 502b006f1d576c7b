// The socialcart Kotlin binding as an Android library (AAR): the Kotlin sources of
// bindings/kotlin/src/main/kotlin, and libsocialcart_jni.so for each ABI built by CMake
// (CMakeLists.txt here: the repository's C library, statically linked into the JNI layer of
// bindings/kotlin/jni). UNTESTED: see bindings/kotlin/README.md ("Android").
import org.jetbrains.kotlin.gradle.dsl.JvmTarget
import org.jetbrains.kotlin.gradle.tasks.KotlinCompile

plugins {
    id("com.android.library") version "8.5.2"
    id("org.jetbrains.kotlin.android") version "1.9.24"
}

// projectDir, not rootDir: the same paths when an app includes this build.
val binding: File = projectDir.parentFile                  // bindings/kotlin
val repository: File = binding.parentFile.parentFile       // the socialcart checkout

// The version is the C header's, as for the desktop jar (bindings/kotlin/build-artifacts.sh).
val versionPattern = Regex("^#define SOCIALCART_VERSION_STRING \"(.*)\"$", RegexOption.MULTILINE)
group = "socialcart"
version = repository.resolve("include/socialcart").listFiles { f -> f.name.endsWith(".h") }.orEmpty()
    .sortedBy { it.name }
    .firstNotNullOfOrNull { versionPattern.find(it.readText())?.groupValues?.get(1) }
    ?: error("no SOCIALCART_VERSION_STRING in ${repository.resolve("include/socialcart")}")

android {
    // The namespace of generated classes (R); the binding's own package is `socialcart`.
    namespace = "socialcart.android"
    compileSdk = 34

    defaultConfig {
        minSdk = 21
        // Keep the names the JNI layer looks up, in every app that uses the AAR.
        consumerProguardFiles(binding.resolve("proguard-rules.pro"))
        ndk {
            abiFilters += listOf("armeabi-v7a", "arm64-v8a", "x86", "x86_64")
        }
        externalNativeBuild {
            cmake {
                // Only the JNI library goes into the AAR (the C library is linked into it;
                // its own shared target is not built).
                targets += "socialcart_jni"
                arguments += "-DANDROID_STL=c++_static"
                // With vcpkg, CMakeLists.txt installs SQLite, SQLiteCpp, nlohmann_json and
                // OpenSSL for each ABI (vcpkg.json); without it they must be findable otherwise.
                System.getenv("VCPKG_ROOT")?.let { arguments += "-DSOCIALCART_VCPKG_ROOT=$it" }
                System.getenv("SOCIALCART_ANDROID_DEPS")?.let { arguments += "-DSOCIALCART_ANDROID_DEPS=$it" }
            }
        }
    }

    externalNativeBuild {
        cmake {
            path = file("CMakeLists.txt")
            version = "3.22.1"
        }
    }

    sourceSets {
        getByName("main") {
            java.srcDirs(binding.resolve("src/main/kotlin"))
        }
    }

    compileOptions {
        sourceCompatibility = JavaVersion.VERSION_1_8
        targetCompatibility = JavaVersion.VERSION_1_8
    }
}

tasks.withType<KotlinCompile>().configureEach {
    compilerOptions.jvmTarget.set(JvmTarget.JVM_1_8)
}

dependencies {
    // api: ReceiveChannel (Engine.events) and suspend functions are part of the binding's API.
    // The sources compile against 1.0.1 (the desktop tests) and this current version alike.
    api("org.jetbrains.kotlinx:kotlinx-coroutines-core:1.8.1")
}
