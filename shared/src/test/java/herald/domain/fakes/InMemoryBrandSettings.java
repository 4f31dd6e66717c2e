package herald.domain.fakes;

import herald.domain.brand.Brand;
import herald.domain.brand.BrandSettings;
import java.util.Optional;

/** The brand, held in a field; empty until saved. */
public final class InMemoryBrandSettings implements BrandSettings {
  private Brand brand;

  @Override
  public synchronized Optional<Brand> brand() {
    return Optional.ofNullable(brand);
  }

  @Override
  public synchronized void save(Brand brand) {
    this.brand = brand;
  }
}
