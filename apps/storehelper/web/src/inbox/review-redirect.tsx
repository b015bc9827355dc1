import { Navigate, useParams } from 'react-router';

/** `/stores/:storeId/reviews/:reviewId` (a notification's link): the review, opened in the inbox. */
export function ReviewRedirect() {
  const { storeId = '', reviewId = '' } = useParams();
  return <Navigate to={`/stores/${storeId}?review=${encodeURIComponent(reviewId)}`} replace />;
}
