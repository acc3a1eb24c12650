package com.mclass.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import com.mclass.launcher.service.JavaRuntime;

/** Packs {@link FakeService} into an executable jar, and lays out a repository of five of them for the launcher. */
public final class FakeServiceJar {

	private FakeServiceJar() {
	}

	public static Path write(Path jar) throws IOException {
		Files.createDirectories(jar.getParent());
		Manifest manifest = new Manifest();
		manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
		manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeService.class.getName());
		String entry = FakeService.class.getName().replace('.', '/') + ".class";
		try (OutputStream file = Files.newOutputStream(jar);
				JarOutputStream out = new JarOutputStream(file, manifest);
				InputStream classFile = FakeService.class.getClassLoader().getResourceAsStream(entry)) {
			out.putNextEntry(new JarEntry(entry));
			classFile.transferTo(out);
			out.closeEntry();
		}
		return jar;
	}

	/** {@code <repo>/pom.xml} and {@code <repo>/<module>/target/<module>.jar} for every service. */
	public static Path repositoryWithFakeServices(Path repo) throws IOException {
		Files.writeString(repo.resolve("pom.xml"), "<project/>");
		for (PlatformService service : PlatformService.values()) {
			write(repo.resolve(service.module()).resolve("target").resolve(service.module() + ".jar"));
		}
		return repo;
	}

	/** The JDK the tests run on: the services' JDK may differ, but the fake only needs any Java 17+. */
	public static JavaRuntime testRuntime() {
		return JavaRuntime.of(Path.of(System.getProperty("java.home"), "bin", "java"));
	}

}
