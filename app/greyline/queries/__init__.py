"""Read side: paged, filtered lists returning frozen row objects."""
