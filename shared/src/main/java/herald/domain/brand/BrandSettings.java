package herald.domain.brand;

import java.util.Optional;

/** Port: where the brand details are kept. */
public interface BrandSettings {
  Optional<Brand> brand();

  void save(Brand brand);
}
