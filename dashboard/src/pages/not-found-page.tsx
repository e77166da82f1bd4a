import { Button } from '../components/button.tsx';
import { EmptyState } from '../components/feedback.tsx';
import { InfoIcon } from '../components/icons.tsx';
import { Card } from '../components/layout-parts.tsx';
import { navigate } from '../router/hash-router.ts';

export function NotFoundPage() {
  return (
    <Card>
      <EmptyState
        icon={<InfoIcon className="size-6" />}
        title="Page not found"
        description="This address does not match any page of the dashboard."
        action={<Button onClick={() => navigate('/')}>Go to the overview</Button>}
      />
    </Card>
  );
}
